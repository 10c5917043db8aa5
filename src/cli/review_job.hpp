// One review from its inputs to its output folder: read (io), run (core), write (io), record
// (run.json). `muyield analyze` runs one; `muyield batch` runs many of them on threads.
#pragma once

#include <string>
#include <vector>

#include "cli/output_formats.hpp"
#include "io/read_inputs.hpp"
#include "io/settings.hpp"
#include "io/write_postgis.hpp"
#include "muyield/progress.hpp"
#include "muyield/result.hpp"

namespace muyield::cli {

struct ReviewJob {
  io::InputPaths paths;
  io::Settings settings;
  std::string out_dir;
  std::vector<std::string> command_line;  // for run.json
  int threads = 0;                        // for the core; 0 = all cores
  Progress* progress = nullptr;
  std::string label;  // prefixed to log lines ("park 2024: "), empty for a single review
  io::PostgisTarget database;  // connection empty: no database output
  OutputFormats formats;  // which files to write (rejects.csv and run.json always)
  std::string chromium;   // the browser that prints report.pdf (formats.has("pdf"))
};

struct ReviewOutcome {
  io::ReadResult read;               // the inputs as read (the summary names enterprises from it)
  ReviewResult result;               // issues: the readers' first, then the method's
  std::vector<std::string> outputs;  // file names written in out_dir
  std::size_t rejects = 0, warnings = 0, errors = 0;
};

// Throws io::InputError (an input cannot be used), ReviewError (nothing can be computed) or
// std::runtime_error (an output cannot be written).
ReviewOutcome run_review_job(const ReviewJob& job);

}  // namespace muyield::cli
