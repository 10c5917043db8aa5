// An output that cannot be written (folder not writable, disk full, a folder in the way): the
// run stops with exit status 2 and the previous outputs stay as they were (pending_file.hpp).
#pragma once

#include <stdexcept>
#include <string>

namespace muyield::io {

class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace muyield::io
