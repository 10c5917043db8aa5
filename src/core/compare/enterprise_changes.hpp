// Year over year, per enterprise (matched by uscc): the change in each figure, indicator,
// score, total and rank, and the class before and after. Enterprises in only one review are
// listed as appeared / disappeared. Rows sorted by uscc.
#pragma once

#include <string>
#include <vector>

#include "core/compare/run_table.hpp"

namespace muyield::compare {

struct EnterpriseChange {
  std::string uscc, name;
  Presence presence = Presence::both;
  std::string group_from, group_to, park_from, park_to;
  std::string class_from, class_to;  // A/B/C/D/unrated; empty where absent
  std::string class_move;            // up / down / same between A–D; empty otherwise
  std::vector<Delta> measures;       // parallel to EnterpriseChanges::measures
};

struct EnterpriseChanges {
  // Compared columns: land_mu, revenue, tax, the §3 indicators, the s_<indicator> scores,
  // bonus, deduction, total, rank — those present in either table. Ranks are within a group:
  // an enterprise that changed group has its ranks but no rank change.
  std::vector<std::string> measures;
  std::vector<EnterpriseChange> rows;
};

EnterpriseChanges compare_enterprises(const RunTable& from, const RunTable& to);

// Class order for moves: A best (0) … D worst (3); none for unrated, empty or unknown.
std::optional<int> class_order(std::string_view grade);

}  // namespace muyield::compare
