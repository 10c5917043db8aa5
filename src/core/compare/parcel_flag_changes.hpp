// Year over year, per parcel (matched by parcel_id): the underused-land flags before and after,
// which were raised and which cleared, the class and tax per mu. Sorted by parcel_id.
#pragma once

#include <string>
#include <vector>

#include "core/compare/run_table.hpp"

namespace muyield::compare {

struct ParcelFlagChange {
  std::string parcel_id, park;
  Presence presence = Presence::both;
  std::string class_from, class_to;
  std::vector<std::string> flags_from, flags_to;
  std::vector<std::string> raised, cleared;  // in the order of flags_to / flags_from
  Delta tax_per_mu;
  bool flags_changed() const { return !raised.empty() || !cleared.empty(); }
};

std::vector<ParcelFlagChange> compare_parcel_flags(const RunTable& from, const RunTable& to);

// "IDLE,LOW_YIELD" → {"IDLE", "LOW_YIELD"}; spaces trimmed, empty parts dropped.
std::vector<std::string> split_flags(std::string_view text);

}  // namespace muyield::compare
