// The English keys of the model's enumerations, as written in every output.
#include "muyield/issue.hpp"
#include "muyield/result.hpp"

namespace muyield {

std::string_view severity_key(Severity s) {
  switch (s) {
    case Severity::reject:
      return "reject";
    case Severity::warning:
      return "warning";
    case Severity::error:
      return "error";
  }
  return "";
}

std::string_view grade_key(Grade g) {
  static constexpr std::string_view kKeys[] = {"A", "B", "C", "D", "unrated"};
  return kKeys[static_cast<int>(g)];
}

std::string_view unrated_key(UnratedReason r) {
  static constexpr std::string_view kKeys[] = {"", "no_land", "exempt_industry", "ramp_up",
                                               "small_land"};
  return kKeys[static_cast<int>(r)];
}

std::string_view link_source_key(LinkSource s) {
  static constexpr std::string_view kKeys[] = {"", "explicit", "holder", "spatial"};
  return kKeys[static_cast<int>(s)];
}

std::string_view flag_key(Flag f) {
  static constexpr std::string_view kKeys[] = {"UNSUPPLIED",  "IDLE",      "IDLE_2Y", "VACANT",
                                               "LOW_DENSITY", "LOW_YIELD", "D_CLASS"};
  return kKeys[static_cast<int>(f)];
}

std::string_view flag_label(Flag f) {
  static constexpr std::string_view kLabels[] = {"批而未供",          "闲置土地", "闲置满两年",
                                                 "供而未用/建而未投", "用而未尽", "投而未达",
                                                 "落后整治"};
  return kLabels[static_cast<int>(f)];
}

bool ParcelResult::has_flag(Flag f) const {
  for (Flag g : flags)
    if (g == f) return true;
  return false;
}

}  // namespace muyield
