// Rejects, warnings and errors about input records (rejects.csv). Nothing is dropped silently:
// whatever the reader or the method cannot use is recorded here with file, row and field.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "muyield/shared_name.hpp"

namespace muyield {

enum class Severity {
  reject,   // the record (or only the field, when `field` is set) is not used
  warning,  // used, but the planner should look
  error,    // used after a correction (e.g. shares scaled to sum 1)
};
std::string_view severity_key(Severity s);

struct Issue {
  SharedName source;  // input file as named by the user, or "review" for method findings
  std::string row;    // row number or feature id; empty for whole-input findings
  std::string field;  // canonical field name, or empty
  std::string value;  // the offending value as read
  SharedName reason;  // what is wrong and what to do (shared when many rows say the same)
  Severity severity = Severity::reject;
  // The whole record is out (counted as rejected), not only one field of it.
  bool record_rejected = false;
};

// Stages append in a fixed order so that rejects.csv is deterministic.
using Issues = std::vector<Issue>;

}  // namespace muyield
