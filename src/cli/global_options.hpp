// Options every command understands.
#pragma once

#include <string>
#include <vector>

namespace muyield::cli {

struct GlobalOptions {
  bool quiet = false;
  std::string log_level = "info";
  std::string progress = "auto";  // --progress auto|lines|none (progress_bar.hpp)
  std::string lang;  // --lang; the language itself is set before parsing (messages.hpp)
  std::vector<std::string> argv;  // the command line, for run.json
};

}  // namespace muyield::cli
