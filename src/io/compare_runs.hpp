// Compares two finished reviews (their output folders): reads enterprises.csv and parcels.csv
// of each, writes enterprise_changes.csv, class_migration.csv and parcel_flag_changes.csv.
#pragma once

#include <string>

namespace muyield::io {

struct CompareCounts {
  int enterprises_both = 0, enterprises_appeared = 0, enterprises_disappeared = 0;
  int class_up = 0, class_down = 0, class_same = 0;
  int parcels_flags_changed = 0, parcels_appeared = 0, parcels_disappeared = 0;
};

// Throws InputError when a table cannot be read.
CompareCounts compare_runs(const std::string& from_dir, const std::string& to_dir,
                           const std::string& out_dir);

}  // namespace muyield::io
