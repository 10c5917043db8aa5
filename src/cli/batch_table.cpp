#include "cli/batch_table.hpp"

#include <fmt/format.h>

#include "cli/cmd_compare.hpp"
#include "cli/messages.hpp"

namespace muyield::cli {

void print_batch_table(std::ostream& out, const io::BatchOutcome& outcome) {
  out << tr(Msg::batch_table_header) << "\n";
  std::size_t failed = 0;
  for (const io::ReviewSummary& r : outcome.reviews) {
    const std::string_view status = tr(r.ok ? Msg::batch_status_ok : Msg::batch_status_failed);
    if (!r.ok) {
      ++failed;
      out << fmt::format("{} | {} | {} | - | - | - | - | {:.1f} | {}\n", r.park, r.year, status,
                         r.seconds, r.error);
      continue;
    }
    out << fmt::format("{} | {} | {} | {} | {} | {}/{}/{}/{} | {} | {:.1f} | {}\n", r.park, r.year,
                       status, r.parcels, r.enterprises, r.classes[0], r.classes[1], r.classes[2],
                       r.classes[3], r.rejects, r.seconds, r.folder);
  }
  for (const io::ComparisonSummary& c : outcome.comparisons) {
    if (!c.ok) {
      out << trf(Msg::batch_compare_skipped, c.park, c.from_year, c.to_year) << "\n";
      continue;
    }
    out << trf(Msg::batch_compare_written, c.park, c.from_year, c.to_year, c.folder) << "\n";
    print_compare_counts(out, c.counts, "  ");
  }
  out << trf(Msg::batch_done, outcome.reviews.size(), outcome.reviews.size() - failed,
             outcome.seconds)
      << "\n";
  if (failed) out << trf(Msg::batch_failed_count, failed) << "\n";
}

}  // namespace muyield::cli
