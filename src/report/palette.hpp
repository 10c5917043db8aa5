// Class and flag colours of the workbook and the report; the same as styles/make_styles.py
// (tests/report/test_palette.cpp compares them with the compiled-in QGIS style).
#pragma once

#include <string_view>

#include "muyield/result.hpp"

namespace muyield::report {

// Green → red for A … D, grey for unrated.
constexpr std::string_view grade_colour(Grade g) {
  switch (g) {
    case Grade::A:
      return "#1a9641";
    case Grade::B:
      return "#a6d96a";
    case Grade::C:
      return "#fdae61";
    case Grade::D:
      return "#d7191c";
    case Grade::unrated:
      break;
  }
  return "#bdbdbd";
}

// Parcels with no occupant (no class).
inline constexpr std::string_view kUnoccupiedColour = "#ffffff";
// Outline of flagged parcels on the report map.
inline constexpr std::string_view kFlagOutline = "#7b1fa2";

}  // namespace muyield::report
