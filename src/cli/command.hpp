// One class per subcommand (osmium-tool style): add_to() declares the options (the parse
// step), run() does the work (the execute step) and returns the exit status.
#pragma once

#include <CLI/CLI.hpp>

namespace muyield::cli {

// DATA.md: 0 done (rejects are reported, not fatal), 1 done with rejects under --strict,
// 2 unusable input or arguments.
enum ExitStatus : int { kDone = 0, kDoneWithRejects = 1, kUnusable = 2 };

class Command {
 public:
  virtual ~Command() = default;
  virtual CLI::App* add_to(CLI::App& app) = 0;
  virtual int run() = 0;
};

}  // namespace muyield::cli
