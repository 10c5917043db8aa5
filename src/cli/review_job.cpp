#include "cli/review_job.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <future>
#include <mutex>

#include "io/output_rows.hpp"
#include "io/pg_connection.hpp"
#include "io/run_record.hpp"
#include "io/write_outputs.hpp"
#include "muyield/review.hpp"
#include "report/appeal_html.hpp"
#include "report/print_pdf.hpp"
#include "report/report.hpp"

namespace muyield::cli {

namespace {

std::string utc_now() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);  // reentrant: batch reviews run on several threads
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
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

ReviewOutcome run_review_job(const ReviewJob& job) {
  io::RunRecord record;
  record.command_line = job.command_line;
  record.started = utc_now();
  Stopwatch clock;
  ReviewOutcome outcome;

  std::filesystem::create_directories(job.out_dir);
  if (job.progress) job.progress->begin("read inputs", 0);
  outcome.read = io::read_inputs(job.paths, job.settings.input);
  if (job.progress) job.progress->end();
  io::ReadResult& read = outcome.read;
  record.inputs = read.reports;
  record.extra_timings.push_back({"read", clock.lap()});
  spdlog::info("{}read {} parcels, {} enterprise rows, {} buildings, {} links", job.label,
               read.input.parcels.size(), read.input.enterprises.size(),
               read.input.buildings.size(), read.input.links.size());

  // No output needs the geometries as read: the review frees them once it has its own.
  outcome.result =
      run_review(read.input, job.settings.review, {job.threads, job.progress, &read.input});
  ReviewResult& result = outcome.result;
  clock.lap();
  // Reader issues first (they come from the files, in file order), then the method's.
  Issues issues = std::move(read.issues);
  issues.insert(issues.end(), std::make_move_iterator(result.issues.begin()),
                std::make_move_iterator(result.issues.end()));
  result.issues = std::move(issues);
  read.issues.clear();

  const std::filesystem::path out(job.out_dir);
  const OutputFormats& formats = job.formats;
  // The writers run side by side: the progress shows the stage, not a count of files.
  if (job.progress) job.progress->begin("write outputs", 0);
  // Each output is written by one writer; the GeoPackage (SQLite) and the workbook
  // (libxlsxwriter) are single-threaded libraries, so they run on threads of their own beside
  // the text writers (which split their own work): at 10⁵ parcels they are the longest writes.
  // Outputs are listed, timed and reported in this fixed order whatever finishes first.
  struct Written {
    std::string name;
    double seconds = 0;
  };
  std::vector<std::pair<int, Written>> written;  // (order, output)
  std::mutex written_mutex;
  auto write = [&](int order, const std::string& name, auto&& writer) {
    const auto started = std::chrono::steady_clock::now();
    writer((out / name).string());
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const std::lock_guard<std::mutex> lock(written_mutex);
    written.push_back({order, {name, seconds}});
  };
  const io::ParcelRows parcels(read.input, result);
  const io::EnterpriseRows enterprises(read.input, result, job.settings.review);
  const io::ParkRows parks(result);
  const report::ReportInput report{read.input, result,      job.settings.review,
                                   parcels,    enterprises, parks};
  std::vector<std::future<void>> beside;
  if (formats.has("gpkg"))
    beside.push_back(std::async(std::launch::async, [&] {
      write(5, "muyield.gpkg", [&](const std::string& p) {
        io::write_gpkg(p, read.input, result, parcels, enterprises, parks);
      });
    }));
  if (formats.has("xlsx"))
    beside.push_back(std::async(std::launch::async, [&] {
      write(6, "rankings.xlsx", [&](const std::string& p) { report::write_xlsx(p, report); });
    }));
  try {
    if (formats.has("geojson"))
      write(0, "parcels.geojson", [&](const std::string& p) {
        io::write_parcels_geojson(p, result, parcels, job.threads);
      });
    if (formats.has("csv")) {
      write(1, "parcels.csv",
            [&](const std::string& p) { io::write_csv(p, parcels, job.threads); });
      write(2, "enterprises.csv",
            [&](const std::string& p) { io::write_csv(p, enterprises, job.threads); });
      write(3, "parks.csv", [&](const std::string& p) { io::write_csv(p, parks, job.threads); });
    }
    write(4, "rejects.csv", [&](const std::string& p) {
      io::write_csv(p, io::IssueRows(result.issues), job.threads);
    });
    if (formats.has("html") || formats.has("pdf")) {
      // Without html among the formats the page is printed from a temporary file.
      const std::string html = formats.has("html") ? "report.html" : ".report-for-pdf.html";
      write(7, html, [&](const std::string& p) { report::write_html(p, report); });
      if (formats.has("pdf"))
        write(8, "report.pdf", [&](const std::string& p) {
          report::print_pdf(job.chromium, (out / html).string(), p);
        });
      if (!formats.has("html")) {
        std::filesystem::remove(out / html);
        const std::lock_guard<std::mutex> lock(written_mutex);
        written.erase(std::find_if(written.begin(), written.end(),
                                   [&](const auto& w) { return w.second.name == html; }));
      }
    }
    if (formats.has("html"))
      write(9, "appeal.html", [&](const std::string& p) { report::write_appeal_html(p, report); });
  } catch (...) {
    for (std::future<void>& f : beside) f.wait();  // they use what this frame owns
    throw;
  }
  for (std::future<void>& f : beside) f.get();  // rethrows a writer's error
  std::sort(written.begin(), written.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [order, w] : written) {
    record.outputs.push_back(w.name);
    record.extra_timings.push_back({"write " + w.name, w.seconds});
  }
  record.extra_timings.push_back({"write (all, wall)", clock.lap()});
  if (job.progress) job.progress->end();
  record.finished = utc_now();
  const bool to_database = !job.database.connection.empty();
  if (to_database)
    record.outputs.push_back("postgis: " + io::redact_connection(job.database.connection) +
                             " schema " + job.database.schema + " review_id " +
                             io::postgis_review_id(read.input, result));
  const nlohmann::json run = io::run_json(record, job.settings, result);
  if (to_database) {
    // Before run.json: a folder without run.json is a run that did not finish.
    const io::PostgisWrite w =
        io::write_postgis(job.database, read.input, result, job.settings.review, run);
    spdlog::info("{}PostGIS: review {} {} in schema {} ({} parcels, {} enterprises) in {:.2f} s",
                 job.label, w.review_id, w.replaced ? "replaced" : "written", job.database.schema,
                 w.parcels, w.enterprises, w.seconds);
  }
  io::write_json((out / "run.json").string(), run);
  outcome.outputs = record.outputs;
  outcome.outputs.push_back("run.json");

  for (const Issue& i : result.issues) {
    outcome.rejects += i.severity == Severity::reject;
    outcome.warnings += i.severity == Severity::warning;
    outcome.errors += i.severity == Severity::error;
  }
  return outcome;
}

}  // namespace muyield::cli
