#include "io/compare_runs.hpp"

#include <filesystem>

#include "io/compare_rows.hpp"
#include "io/read_run_table.hpp"
#include "io/write_outputs.hpp"

namespace muyield::io {

CompareCounts compare_runs(const std::string& from_dir, const std::string& to_dir,
                           const std::string& out_dir) {
  namespace fs = std::filesystem;
  const auto table = [](const std::string& dir, const char* name, const char* key) {
    return read_run_table((fs::path(dir) / name).string(), key);
  };
  const compare::RunTable ent_from = table(from_dir, "enterprises.csv", "uscc");
  const compare::RunTable ent_to = table(to_dir, "enterprises.csv", "uscc");
  const compare::RunTable par_from = table(from_dir, "parcels.csv", "parcel_id");
  const compare::RunTable par_to = table(to_dir, "parcels.csv", "parcel_id");

  const compare::EnterpriseChanges enterprises = compare::compare_enterprises(ent_from, ent_to);
  const std::vector<compare::MigrationMatrix> migration = compare::class_migration(enterprises);
  const std::vector<compare::ParcelFlagChange> parcels =
      compare::compare_parcel_flags(par_from, par_to);

  fs::create_directories(out_dir);
  const fs::path out(out_dir);
  write_csv((out / "enterprise_changes.csv").string(), EnterpriseChangeRows(enterprises));
  write_csv((out / "class_migration.csv").string(), ClassMigrationRows(migration));
  write_csv((out / "parcel_flag_changes.csv").string(), ParcelFlagChangeRows(parcels));

  CompareCounts n;
  for (const compare::EnterpriseChange& c : enterprises.rows) {
    n.enterprises_both += c.presence == compare::Presence::both;
    n.enterprises_appeared += c.presence == compare::Presence::appeared;
    n.enterprises_disappeared += c.presence == compare::Presence::disappeared;
    n.class_up += c.class_move == "up";
    n.class_down += c.class_move == "down";
    n.class_same += c.class_move == "same";
  }
  for (const compare::ParcelFlagChange& p : parcels) {
    n.parcels_flags_changed += p.presence == compare::Presence::both && p.flags_changed();
    n.parcels_appeared += p.presence == compare::Presence::appeared;
    n.parcels_disappeared += p.presence == compare::Presence::disappeared;
  }
  return n;
}

}  // namespace muyield::io
