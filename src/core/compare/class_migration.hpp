// Class migration matrix (A→B …) between two reviews: counts of enterprises by class in the
// earlier review (rows) and in the later one (columns), with "absent" for enterprises in only
// one review. One matrix over all enterprises and one per group; an enterprise counts in the
// group it has in the later review (the earlier one when it disappeared), so the group
// matrices add up to the "all" matrix.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core/compare/enterprise_changes.hpp"

namespace muyield::compare {

inline constexpr std::array<std::string_view, 6> kMigrationClasses = {"A", "B",       "C",
                                                                      "D", "unrated", "absent"};

struct MigrationMatrix {
  std::string group;  // "all", "above", "below" (or another group key found in the tables)
  std::array<std::array<int, 6>, 6> counts{};  // [from][to], in kMigrationClasses order
  int row_total(std::size_t from) const;
  int column_total(std::size_t to) const;
};

std::vector<MigrationMatrix> class_migration(const EnterpriseChanges& changes);

// Index into kMigrationClasses: A–D as such, empty → absent, anything else → unrated.
std::size_t migration_index(std::string_view grade);

}  // namespace muyield::compare
