#include "cli/cmd_analyze.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <iostream>

#include "cli/global_options.hpp"
#include "cli/progress_bar.hpp"
#include "cli/summary.hpp"
#include "io/output_rows.hpp"
#include "io/run_record.hpp"
#include "io/write_outputs.hpp"
#include "muyield/review.hpp"
#include "report/print_pdf.hpp"
#include "report/report.hpp"

namespace muyield::cli {

namespace {

std::string utc_now() {
  const std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

class Stopwatch {
 public:
  double lap() {
    const auto now = std::chrono::steady_clock::now();
    const double s = std::chrono::duration<double>(now - last_).count();
    last_ = now;
    return s;
  }

 private:
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

}  // namespace

CLI::App* AnalyzeCommand::add_to(CLI::App& app) {
  CLI::App* cmd = app.add_subcommand("analyze", "运行一次评价 / run one review");
  inputs_.add_to(*cmd);
  cmd->add_option("--out", out_, "输出目录 output folder")->required();
  cmd->add_flag("--strict", strict_, "exit status 1 when any record was rejected");
  cmd->add_option("--threads", threads_, "worker threads (default: all cores)");
  formats_.add_to(*cmd);
  cmd->add_option("--top", top_, "rows of each ranking printed at the end (0 = none)");
  cmd->footer(
      "Example:\n  muyield analyze --parcels data/dexing/parcels.shp \\\n"
      "    --enterprises data/dexing/enterprises.xlsx --buildings data/dexing/buildings.shp \\\n"
      "    --links data/dexing/links.csv --year 2024 --out out/dexing-2024");
  return cmd;
}

int AnalyzeCommand::run() {
  io::RunRecord record;
  record.command_line = global_.argv;
  record.started = utc_now();
  Stopwatch clock;

  const io::Settings settings = inputs_.settings();
  // Before the work, not after it: a missing printer should not cost a whole review.
  const std::string chromium = formats_.has("pdf") ? report::find_chromium() : "";
  if (formats_.has("pdf") && chromium.empty()) {
    spdlog::error(
        "--pdf 需要 Chromium，但没有找到 / --pdf needs Chromium to print report.html and none was "
        "found: install it (Debian: apt-get install chromium) or set MUYIELD_CHROMIUM to its path");
    return kUnusable;
  }
  std::filesystem::create_directories(out_);

  io::ReadResult read = io::read_inputs(inputs_.paths, settings.input);
  record.inputs = read.reports;
  record.extra_timings.push_back({"read", clock.lap()});
  spdlog::info("read {} parcels, {} enterprise rows, {} buildings, {} links",
               read.input.parcels.size(), read.input.enterprises.size(),
               read.input.buildings.size(), read.input.links.size());

  ProgressBar progress(progress_wanted(global_.quiet));
  ReviewResult result = run_review(read.input, settings.review, {threads_, &progress});
  clock.lap();
  // Reader issues first (they come from the files, in file order), then the method's.
  Issues issues = std::move(read.issues);
  issues.insert(issues.end(), std::make_move_iterator(result.issues.begin()),
                std::make_move_iterator(result.issues.end()));
  result.issues = std::move(issues);

  const std::filesystem::path out(out_);
  auto write = [&](const std::string& name, auto&& writer) {
    writer((out / name).string());
    record.outputs.push_back(name);
    record.extra_timings.push_back({"write " + name, clock.lap()});
  };
  const io::ParcelRows parcels(read.input, result);
  const io::EnterpriseRows enterprises(read.input, result, settings.review);
  const io::ParkRows parks(result);
  if (formats_.has("geojson"))
    write("parcels.geojson",
          [&](const std::string& p) { io::write_parcels_geojson(p, result, parcels); });
  if (formats_.has("csv")) {
    write("parcels.csv", [&](const std::string& p) { io::write_csv(p, parcels); });
    write("enterprises.csv", [&](const std::string& p) { io::write_csv(p, enterprises); });
    write("parks.csv", [&](const std::string& p) { io::write_csv(p, parks); });
  }
  write("rejects.csv",
        [&](const std::string& p) { io::write_csv(p, io::IssueRows(result.issues)); });
  if (formats_.has("gpkg"))
    write("muyield.gpkg", [&](const std::string& p) {
      io::write_gpkg(p, read.input, result, parcels, enterprises, parks);
    });
  const report::ReportInput report{read.input, result,      settings.review,
                                   parcels,    enterprises, parks};
  if (formats_.has("xlsx"))
    write("rankings.xlsx", [&](const std::string& p) { report::write_xlsx(p, report); });
  if (formats_.has("html") || formats_.has("pdf")) {
    // Without html among the formats the page is printed from a temporary file.
    const std::string html = formats_.has("html") ? "report.html" : ".report-for-pdf.html";
    write(html, [&](const std::string& p) { report::write_html(p, report); });
    if (formats_.has("pdf"))
      write("report.pdf",
            [&](const std::string& p) { report::print_pdf(chromium, (out / html).string(), p); });
    if (!formats_.has("html")) {
      std::filesystem::remove(out / html);
      record.outputs.erase(std::find(record.outputs.begin(), record.outputs.end(), html));
    }
  }
  record.finished = utc_now();
  io::write_json((out / "run.json").string(), io::run_json(record, settings, result));

  std::size_t rejects = 0;
  for (const Issue& i : result.issues) rejects += i.severity == Severity::reject;
  if (!global_.quiet) print_summary(std::cout, read.input, result, settings.review, out_, top_);
  return strict_ && rejects > 0 ? kDoneWithRejects : kDone;
}

}  // namespace muyield::cli
