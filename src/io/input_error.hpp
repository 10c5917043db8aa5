// A whole input that cannot be used (DATA.md "Bad input"): the run stops with one message
// that names the file and says what to do; the CLI maps it to exit status 2.
#pragma once

#include <stdexcept>
#include <string>

namespace muyield::io {

class InputError : public std::runtime_error {
 public:
  InputError(std::string file, const std::string& message)
      : std::runtime_error(file.empty() ? message : file + ": " + message), file_(std::move(file)) {}
  const std::string& file() const { return file_; }

 private:
  std::string file_;
};

}  // namespace muyield::io
