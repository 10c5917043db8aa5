#include "cli/cmd_init.hpp"

#include <spdlog/spdlog.h>

#include <filesystem>
#include <iostream>

#include "cli/messages.hpp"
#include "io/pending_file.hpp"
#include "io/settings.hpp"

namespace muyield::cli {

CLI::App* InitCommand::add_to(CLI::App& app) {
  CLI::App* cmd = app.add_subcommand("init", std::string(tr(Msg::init_description)));
  cmd->add_option("path", path_, "review.toml to write (default: review.toml)");
  cmd->add_flag("--force", force_, "replace an existing file");
  cmd->footer(std::string(tr(Msg::init_footer)));
  return cmd;
}

int InitCommand::run() {
  if (!force_ && std::filesystem::exists(path_)) {
    spdlog::error("{}", trf(Msg::init_exists, path_));
    return kUnusable;
  }
  const std::string text = io::default_settings_toml();
  io::write_file_atomically(path_, text);
  std::cout << trf(Msg::init_wrote, path_) << "\n";
  return kDone;
}

}  // namespace muyield::cli
