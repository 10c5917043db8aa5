// Reads back a CSV table that muyield wrote (enterprises.csv, parcels.csv) as text cells.
#pragma once

#include <string>

#include "core/compare/run_table.hpp"

namespace muyield::io {

// Throws InputError naming the file when it is missing or has none of `required_column`.
compare::RunTable read_run_table(const std::string& path, const std::string& required_column);

}  // namespace muyield::io
