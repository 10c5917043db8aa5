// The table printed at the end of a batch: one line per review (status, counts, folder or the
// reason it failed), then the comparisons and the totals.
#pragma once

#include <ostream>

#include "io/batch_outcome.hpp"

namespace muyield::cli {

void print_batch_table(std::ostream& out, const io::BatchOutcome& outcome);

}  // namespace muyield::cli
