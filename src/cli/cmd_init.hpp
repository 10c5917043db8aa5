// muyield init [review.toml]: writes the commented default review settings.
#pragma once

#include <string>

#include "cli/command.hpp"

namespace muyield::cli {

class InitCommand final : public Command {
 public:
  CLI::App* add_to(CLI::App& app) override;
  int run() override;

 private:
  std::string path_ = "review.toml";
  bool force_ = false;
};

}  // namespace muyield::cli
