// muyield: dispatch to the subcommands and map errors to exit statuses. No method here.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <clocale>
#include <filesystem>
#include <iostream>
#include <memory>
#include <vector>

#include "cli/cmd_analyze.hpp"
#include "cli/cmd_batch.hpp"
#include "cli/cmd_compare.hpp"
#include "cli/cmd_init.hpp"
#include "cli/cmd_validate.hpp"
#include "cli/global_options.hpp"
#include "cli/messages.hpp"
#include "io/gdal_session.hpp"
#include "io/input_error.hpp"
#include "io/output_error.hpp"
#include "io/settings.hpp"
#include "muyield/review.hpp"

#ifndef MUYIELD_VERSION
#define MUYIELD_VERSION "dev"
#endif

int main(int argc, char** argv) {
  using namespace muyield;
  // The user's locale for characters (file names, the terminal), but numbers always in the "C"
  // locale: outputs must be byte-identical under LC_ALL=de_DE.UTF-8 (decimal comma), and GDAL,
  // PROJ and the snprintf in messages read and write '.' only there. std::locale stays classic.
  std::setlocale(LC_ALL, "");
  std::setlocale(LC_NUMERIC, "C");
  cli::GlobalOptions global;
  global.argv.assign(argv, argv + argc);

  cli::set_lang(cli::lang_for_command_line(argc, argv));  // before the help texts are built
  CLI::App app{std::string(cli::tr(cli::Msg::app_description))};
  app.footer(std::string(cli::tr(cli::Msg::app_footer)));
  app.require_subcommand(1);
  app.fallthrough();  // -q, --lang, --log-level also after the subcommand
  app.set_version_flag(
      "--version", std::string("muyield ") + MUYIELD_VERSION + " (" + io::library_versions() + ")");
  app.add_flag("-q,--quiet", global.quiet, "no progress and no summary on the terminal");
  app.add_option("--log-level", global.log_level, "trace, debug, info, warn, error, off")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "off"}));
  app.add_option("--progress", global.progress,
                 "auto (a bar when stderr is a terminal), lines (`PROGRESS <percent> <stage>` "
                 "lines on stderr, for programs; also under -q) or none")
      ->check(CLI::IsMember({"auto", "lines", "none"}));
  app.add_option("--lang", global.lang, "zh or en (default: from LC_ALL, LC_MESSAGES, LANG)")
      ->check([](const std::string& v) {
        return cli::lang_from_text(v) ? std::string() : "use zh or en";
      });

  std::vector<std::unique_ptr<cli::Command>> commands;
  commands.push_back(std::make_unique<cli::AnalyzeCommand>(global));
  commands.push_back(std::make_unique<cli::BatchCommand>(global));
  commands.push_back(std::make_unique<cli::CompareCommand>(global));
  commands.push_back(std::make_unique<cli::ValidateCommand>());
  commands.push_back(std::make_unique<cli::InitCommand>());
  std::vector<std::pair<CLI::App*, cli::Command*>> dispatch;
  for (auto& c : commands) dispatch.emplace_back(c->add_to(app), c.get());

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // A mistyped option would be reported as the required option it then lacks: name the
    // arguments that were not understood instead.
    if (dynamic_cast<const CLI::RequiredError*>(&e)) {
      std::vector<std::string> extras = app.remaining(true);
      for (auto& [sub, command] : dispatch)
        for (const std::string& x : sub->remaining(true)) extras.push_back(x);
      if (!extras.empty()) {
        app.exit(CLI::ExtrasError(extras));
        return cli::kUnusable;
      }
    }
    const int code = app.exit(e);
    return code == 0 ? 0 : cli::kUnusable;
  }

  auto logger = spdlog::stderr_color_mt("muyield");
  logger->set_pattern("[muyield] %^%l%$: %v");
  spdlog::set_default_logger(logger);
  spdlog::set_level(spdlog::level::from_str(
      global.quiet && global.log_level == "info" ? "warn" : global.log_level));

  for (auto& [sub, command] : dispatch) {
    if (!sub->parsed()) continue;
    try {
      return command->run();
    } catch (const io::InputError& e) {
      spdlog::error("{}", e.what());
    } catch (const io::ConfigError& e) {
      spdlog::error("{}", e.what());
    } catch (const ReviewError& e) {
      spdlog::error("{}", e.what());
    } catch (const io::OutputError& e) {
      spdlog::error(
          "{}: 请检查输出目录可写且有空间 / check that the output folder is writable and "
          "has free space; earlier outputs are unchanged",
          e.what());
    } catch (const std::filesystem::filesystem_error& e) {
      spdlog::error("{}: 请检查输出目录 / check the output folder (--out)", e.what());
    } catch (const std::exception& e) {
      spdlog::error("内部错误 / internal error: {} (please report it with run.json)", e.what());
    }
    return cli::kUnusable;
  }
  return cli::kUnusable;
}
