#include "core/compare/enterprise_changes.hpp"

#include <algorithm>
#include <map>

#include "muyield/indicator.hpp"

namespace muyield::compare {

namespace {

bool has_column(const RunTable& t, const std::string& key) { return t.column(key).has_value(); }

std::vector<std::string> measure_columns(const RunTable& from, const RunTable& to) {
  std::vector<std::string> keys = {"land_mu", "revenue", "tax"};
  for (Indicator i : kAllIndicators) keys.emplace_back(info(i).key);
  std::vector<std::string> out;
  auto add = [&](const std::string& k) {
    if ((has_column(from, k) || has_column(to, k)) &&
        std::find(out.begin(), out.end(), k) == out.end())
      out.push_back(k);
  };
  for (const std::string& k : keys) add(k);
  for (const RunTable* t : {&to, &from})
    for (const std::string& h : t->header)
      if (h.rfind("s_", 0) == 0) add(h);
  for (const char* k : {"bonus", "deduction", "total", "rank"}) add(k);
  return out;
}

// uscc → first row with it.
std::map<std::string, std::size_t, std::less<>> index_by(const RunTable& t, std::string_view key) {
  std::map<std::string, std::size_t, std::less<>> index;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const std::string_view k = t.cell(r, key);
    if (!k.empty()) index.emplace(std::string(k), r);
  }
  return index;
}

}  // namespace

std::optional<int> class_order(std::string_view grade) {
  if (grade.size() == 1 && grade[0] >= 'A' && grade[0] <= 'D') return grade[0] - 'A';
  return std::nullopt;
}

EnterpriseChanges compare_enterprises(const RunTable& from, const RunTable& to) {
  EnterpriseChanges out;
  out.measures = measure_columns(from, to);
  const auto from_index = index_by(from, "uscc");
  const auto to_index = index_by(to, "uscc");
  std::vector<std::string> keys;
  for (const auto& [k, r] : from_index) keys.push_back(k);
  for (const auto& [k, r] : to_index)
    if (!from_index.count(k)) keys.push_back(k);
  std::sort(keys.begin(), keys.end());

  for (const std::string& uscc : keys) {
    const auto f = from_index.find(uscc);
    const auto t = to_index.find(uscc);
    EnterpriseChange c;
    c.uscc = uscc;
    c.presence = f == from_index.end() ? Presence::appeared
                 : t == to_index.end() ? Presence::disappeared
                                       : Presence::both;
    if (f != from_index.end()) {
      c.name = from.cell(f->second, "name");
      c.group_from = from.cell(f->second, "group");
      c.park_from = from.cell(f->second, "park");
      c.class_from = from.cell(f->second, "class");
    }
    if (t != to_index.end()) {
      c.name = to.cell(t->second, "name");  // the later name wins
      c.group_to = to.cell(t->second, "group");
      c.park_to = to.cell(t->second, "park");
      c.class_to = to.cell(t->second, "class");
    }
    const auto a = class_order(c.class_from), b = class_order(c.class_to);
    if (a && b) c.class_move = *b < *a ? "up" : *b > *a ? "down" : "same";
    for (const std::string& m : out.measures) {
      Delta d;
      if (f != from_index.end()) d.from = from.number(f->second, m);
      if (t != to_index.end()) d.to = to.number(t->second, m);
      if (m == "rank" && c.group_from != c.group_to) d.comparable = false;
      c.measures.push_back(d);
    }
    out.rows.push_back(std::move(c));
  }
  return out;
}

}  // namespace muyield::compare
