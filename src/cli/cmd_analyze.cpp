#include "cli/cmd_analyze.hpp"

#include <spdlog/spdlog.h>

#include <iostream>

#include "cli/global_options.hpp"
#include "cli/messages.hpp"
#include "cli/progress_bar.hpp"
#include "cli/review_job.hpp"
#include "cli/summary.hpp"
#include "report/print_pdf.hpp"

namespace muyield::cli {

CLI::App* AnalyzeCommand::add_to(CLI::App& app) {
  CLI::App* cmd = app.add_subcommand("analyze", std::string(tr(Msg::analyze_description)));
  inputs_.add_to(*cmd);
  cmd->add_option("--out", out_, "输出目录 output folder")->required();
  cmd->add_option("--out-db", database_.connection,
                  "also write the review into PostGIS: PG:\"dbname=… host=… port=… user=…\" "
                  "(docs/postgis.md)");
  cmd->add_option("--out-schema", database_.schema, "schema for --out-db (default muyield)");
  cmd->add_flag("--strict", strict_, "exit status 1 when any record was rejected");
  cmd->add_option("--threads", threads_, "worker threads (default: all cores)");
  formats_.add_to(*cmd);
  cmd->add_option("--top", top_, "rows of each ranking printed at the end (0 = none)");
  cmd->footer(std::string(tr(Msg::analyze_footer)));
  return cmd;
}

int AnalyzeCommand::run() {
  // Before the work, not after it: a missing printer should not cost a whole review.
  const std::string chromium = formats_.has("pdf") ? report::find_chromium() : "";
  if (formats_.has("pdf") && chromium.empty()) {
    spdlog::error(
        "--pdf 需要 Chromium，但没有找到 / --pdf needs Chromium to print report.html and none was "
        "found: install it (Debian: apt-get install chromium) or set MUYIELD_CHROMIUM to its path");
    return kUnusable;
  }
  if (!database_.connection.empty()) io::check_postgis_target(database_);  // before the work
  ProgressBar progress(progress_mode(global_.progress, global_.quiet));
  ReviewJob job;
  job.formats = formats_;
  job.chromium = chromium;
  job.paths = inputs_.paths;
  job.settings = inputs_.settings();
  // read, parcel areas, (class stability, what it takes,) (buildings, overlay,) write: see
  // review.cpp, stability.cpp, what_it_takes.cpp and building_form.cpp.
  const StabilityConfig& explain = job.settings.review.stability;
  progress.expect_stages(3 + (explain.enabled ? 1 : 0) + (explain.what_it_takes ? 1 : 0) +
                         (inputs_.paths.buildings.empty() ? 0 : 2));
  job.out_dir = out_;
  job.command_line = global_.argv;
  job.threads = threads_;
  job.progress = &progress;
  job.database = database_;
  const ReviewOutcome outcome = run_review_job(job);
  progress.finish();
  if (!global_.quiet)
    print_summary(std::cout, outcome.read.input, outcome.result, job.settings.review, out_, top_,
                  outcome.outputs);
  return strict_ && outcome.rejects > 0 ? kDoneWithRejects : kDone;
}

}  // namespace muyield::cli
