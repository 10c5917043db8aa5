// The report of `muyield validate`: per input what was recognised (header → canonical field,
// unit from the header or assumed), what was not used, then what would be rejected and why
// (file, row, field, value). Returns the exit status: 0 nothing rejected, 1 rejects.
#pragma once

#include <optional>
#include <ostream>

#include "io/read_inputs.hpp"

namespace muyield::cli {

// `year`: the review year in force (none when the enterprise table has no years).
// `max_issues`: issue lines printed (the counts cover all).
int print_validate_report(std::ostream& out, const io::ReadResult& read, std::optional<int> year,
                          std::size_t max_issues);

}  // namespace muyield::cli
