#include "report/labels.hpp"

namespace muyield::report {

std::string_view group_label(Group g) { return g == Group::above ? "规上" : "规下"; }

std::string class_text(Grade g, const ReviewConfig& config) {
  const std::string key(grade_key(g));
  auto it = config.classes.labels.find(key);
  const std::string label = it == config.classes.labels.end() ? "" : it->second;
  if (g == Grade::unrated) return label.empty() ? "不参评" : label;
  return label.empty() ? key : key + " " + label;
}

std::string park_label(std::string_view park) {
  return park == "all" ? "合计（全部园区）" : std::string(park);
}

std::string flag_labels(const ParcelResult& p) {
  std::string s;
  for (Flag f : p.flags) s += (s.empty() ? "" : "、") + std::string(flag_label(f));
  return s;
}

}  // namespace muyield::report
