// index.html of a batch: one self-contained page linking each review's outputs (whichever of
// them exist: report.html, rankings.xlsx, muyield.gpkg once those writers are in, the CSVs,
// run.json) and each comparison, with failed reviews and their reasons. No times: the same
// batch writes the same page.
#pragma once

#include <string>
#include <string_view>

#include "io/batch_outcome.hpp"

namespace muyield::io {

void write_batch_index(const std::string& out_dir, const BatchOutcome& outcome,
                       const std::string& batch_file);

// A relative link, percent-encoded (exposed for tests).
std::string url_path(std::string_view relative_path);

}  // namespace muyield::io
