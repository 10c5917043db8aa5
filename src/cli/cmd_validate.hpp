// muyield validate: reads the inputs as analyze would and reports, without analysing.
#pragma once

#include "cli/command.hpp"
#include "cli/input_options.hpp"

namespace muyield::cli {

class ValidateCommand final : public Command {
 public:
  CLI::App* add_to(CLI::App& app) override;
  int run() override;

 private:
  InputOptions inputs_;
  std::size_t max_issues_ = 30;
};

}  // namespace muyield::cli
