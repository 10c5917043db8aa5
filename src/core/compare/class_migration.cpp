#include "core/compare/class_migration.hpp"

#include <algorithm>

namespace muyield::compare {

std::size_t migration_index(std::string_view grade) {
  if (grade.empty()) return 5;
  if (const auto order = class_order(grade)) return static_cast<std::size_t>(*order);
  return 4;
}

int MigrationMatrix::row_total(std::size_t from) const {
  int n = 0;
  for (int c : counts[from]) n += c;
  return n;
}

int MigrationMatrix::column_total(std::size_t to) const {
  int n = 0;
  for (const auto& row : counts) n += row[to];
  return n;
}

std::vector<MigrationMatrix> class_migration(const EnterpriseChanges& changes) {
  std::vector<MigrationMatrix> out(3);
  out[0].group = "all";
  out[1].group = "above";
  out[2].group = "below";
  for (const EnterpriseChange& c : changes.rows) {
    const std::size_t from = migration_index(c.class_from), to = migration_index(c.class_to);
    ++out[0].counts[from][to];
    const std::string& group = c.presence == Presence::disappeared ? c.group_from : c.group_to;
    auto it = std::find_if(out.begin() + 1, out.end(),
                           [&](const MigrationMatrix& m) { return m.group == group; });
    if (it == out.end()) {
      out.push_back({group, {}});
      it = out.end() - 1;
    }
    ++it->counts[from][to];
  }
  return out;
}

}  // namespace muyield::compare
