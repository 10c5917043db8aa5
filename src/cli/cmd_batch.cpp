#include "cli/cmd_batch.hpp"

#include <spdlog/spdlog.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <thread>

#include "cli/batch_table.hpp"
#include "cli/global_options.hpp"
#include "cli/messages.hpp"
#include "cli/progress_bar.hpp"
#include "cli/review_job.hpp"
#include "core/parallel.hpp"
#include "io/batch_plan.hpp"
#include "io/batch_summary_rows.hpp"
#include "io/safe_name.hpp"
#include "io/write_batch_index.hpp"
#include "io/write_outputs.hpp"

namespace muyield::cli {

namespace {

namespace fs = std::filesystem;

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

io::ReviewSummary summarise(const ReviewOutcome& outcome) {
  io::ReviewSummary s;
  const ReviewResult& r = outcome.result;
  s.ok = true;
  s.parcels = static_cast<int>(r.parcels.size());
  s.enterprises = static_cast<int>(r.enterprises.size());
  for (const EnterpriseResult& e : r.enterprises) ++s.classes[static_cast<int>(e.grade)];
  for (const ParcelResult& p : r.parcels) s.flagged_parcels += !p.flags.empty();
  s.rejects = outcome.rejects;
  s.warnings = outcome.warnings;
  s.errors = outcome.errors;
  if (!r.parks.empty()) {  // "all" is last
    const ParkSummary& all = r.parks.back();
    s.total_mu = all.total_mu;
    s.occupied_mu = all.occupied_mu;
    s.tax_per_mu = all.tax_per_mu;
  }
  return s;
}

// One review of the batch; never throws: a failure is recorded with its reason.
io::ReviewSummary run_one(const io::BatchReview& review, const fs::path& out, int threads,
                          const std::vector<std::string>& command_line) {
  const auto start = std::chrono::steady_clock::now();
  const std::string folder = review.park_dir + "/" + std::to_string(review.year);
  const std::string park = io::printable_text(review.park);
  const std::string label = park + " " + std::to_string(review.year) + ": ";
  io::ReviewSummary s;
  try {
    ReviewJob job;
    job.settings = io::merge_settings(review.settings);
    job.settings.review.year = review.year;
    job.paths = io::resolve_inputs(review.inputs);
    job.out_dir =
        io::child_path(io::child_path(out, review.park_dir), std::to_string(review.year)).string();
    job.command_line = command_line;
    job.threads = threads;
    job.label = label;
    s = summarise(run_review_job(job));
  } catch (const std::exception& e) {
    s.ok = false;
    s.error = e.what();
  }
  s.park = park;
  s.year = review.year;
  s.folder = folder;
  s.seconds = seconds_since(start);
  if (s.ok)
    spdlog::info("{}", trf(Msg::batch_review_ok, park, review.year, s.seconds));
  else
    spdlog::error("{}", trf(Msg::batch_review_failed, park, review.year, s.error));
  return s;
}

// Consecutive years of each park whose reviews both succeeded.
void compare_years(const io::BatchPlan& plan, const fs::path& out, io::BatchOutcome& outcome) {
  for (std::size_t i = 0; i + 1 < plan.reviews.size(); ++i) {
    const io::BatchReview& a = plan.reviews[i];
    const io::BatchReview& b = plan.reviews[i + 1];
    if (a.park != b.park) continue;
    io::ComparisonSummary c;
    c.park = io::printable_text(a.park);
    c.from_year = a.year;
    c.to_year = b.year;
    c.folder = a.park_dir + "/compare_" + std::to_string(a.year) + "_" + std::to_string(b.year);
    const io::ReviewSummary& ra = outcome.reviews[i];
    const io::ReviewSummary& rb = outcome.reviews[i + 1];
    if (!ra.ok || !rb.ok) {
      c.error = trf(Msg::batch_compare_skipped, c.park, a.year, b.year);
    } else {
      try {
        c.counts = io::compare_runs((out / ra.folder).string(), (out / rb.folder).string(),
                                    (out / c.folder).string());
        c.ok = true;
      } catch (const std::exception& e) {
        c.error = e.what();
      }
    }
    outcome.comparisons.push_back(std::move(c));
  }
}

}  // namespace

CLI::App* BatchCommand::add_to(CLI::App& app) {
  CLI::App* cmd = app.add_subcommand("batch", std::string(tr(Msg::batch_description)));
  cmd->add_option("batch_file", batch_file_, "batch.toml: parks, years, inputs, settings")
      ->required();
  cmd->add_option("--out", out_, "output folder (default: `out` in the batch file)");
  cmd->add_option("--jobs,-j", jobs_, "reviews run at the same time (default: all cores)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--strict", strict_, "exit status 1 when any review rejected records");
  cmd->footer(std::string(tr(Msg::batch_footer)));
  return cmd;
}

int BatchCommand::run() {
  const auto start = std::chrono::steady_clock::now();
  const io::BatchPlan plan = io::load_batch_plan(batch_file_);
  const fs::path out = !out_.empty()       ? fs::path(out_)
                       : !plan.out.empty() ? fs::path(plan.out)
                                           : fs::path("out");
  const int cores = resolve_threads(0);
  const int jobs = std::min<int>(jobs_ > 0 ? jobs_ : cores, static_cast<int>(plan.reviews.size()));
  const int threads_per_review = std::max(1, cores / std::max(1, jobs));
  fs::create_directories(out);
  spdlog::info("{}", trf(Msg::batch_plan, batch_file_, plan.reviews.size(), plan.parks.size(), jobs,
                         out.string()));

  io::BatchOutcome outcome;
  outcome.reviews.resize(plan.reviews.size());
  ProgressBar progress(progress_mode(global_.progress, global_.quiet));
  progress.begin("batch", plan.reviews.size());
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i; (i = next++) < plan.reviews.size();) {
      outcome.reviews[i] = run_one(plan.reviews[i], out, threads_per_review, global_.argv);
      progress.advance(1);
    }
  };
  {
    std::vector<std::jthread> workers;
    for (int j = 1; j < jobs; ++j) workers.emplace_back(worker);
    worker();
  }
  progress.end();

  compare_years(plan, out, outcome);
  outcome.seconds = seconds_since(start);
  io::write_csv((out / "batch_summary.csv").string(), io::BatchSummaryRows(outcome.reviews));
  io::write_batch_index(out.string(), outcome, batch_file_);
  progress.finish();

  if (!global_.quiet) {
    std::cout << "\n";
    print_batch_table(std::cout, outcome);
    std::cout << trf(Msg::batch_written, (out / "batch_summary.csv").string(),
                     (out / "index.html").string())
              << "\n";
  }

  bool failed = false, rejects = false;
  for (const io::ReviewSummary& r : outcome.reviews) {
    failed |= !r.ok;
    rejects |= r.rejects > 0;
  }
  if (failed) return kUnusable;
  return strict_ && rejects ? kDoneWithRejects : kDone;
}

}  // namespace muyield::cli
