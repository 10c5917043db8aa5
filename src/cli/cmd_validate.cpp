#include "cli/cmd_validate.hpp"

#include <spdlog/spdlog.h>

#include <iostream>

#include "cli/messages.hpp"
#include "cli/validate_report.hpp"
#include "io/input_error.hpp"
#include "muyield/review.hpp"

namespace muyield::cli {

CLI::App* ValidateCommand::add_to(CLI::App& app) {
  CLI::App* cmd = app.add_subcommand("validate", std::string(tr(Msg::validate_description)));
  inputs_.add_to(*cmd);
  cmd->add_option("--max-issues", max_issues_,
                  "issue lines printed (default 30; counts cover all)");
  cmd->footer(std::string(tr(Msg::validate_footer)));
  return cmd;
}

int ValidateCommand::run() {
  const io::Settings settings = inputs_.settings();
  io::ReadResult read;
  try {
    read = io::read_inputs(inputs_.paths, settings.input);
  } catch (const io::InputError& e) {
    std::cout << trf(Msg::validate_verdict_unusable, e.what()) << "\n";
    return kUnusable;
  }
  std::optional<int> year;
  if (!read.input.enterprises.empty()) {
    try {
      year = review_year(read.input, settings.review);
    } catch (const ReviewError& e) {
      spdlog::warn("{}", e.what());
    }
  }
  return print_validate_report(std::cout, read, year, max_issues_);
}

}  // namespace muyield::cli
