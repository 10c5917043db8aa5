// The enterprise figures of DATA.md in their canonical units; spread onto parcels by §2.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace muyield {

enum class Figure : int {
  revenue,
  output_value,
  value_added,
  tax,
  energy_tce,
  electricity_kwh,
  employees,
  rd_expense,
  emissions_t,
};
inline constexpr int kFigureCount = 9;
inline constexpr std::array<Figure, kFigureCount> kAllFigures = {
    Figure::revenue,   Figure::output_value, Figure::value_added,
    Figure::tax,       Figure::energy_tce,   Figure::electricity_kwh,
    Figure::employees, Figure::rd_expense,   Figure::emissions_t};

using Figures = std::array<std::optional<double>, kFigureCount>;

inline std::optional<double>& at(Figures& f, Figure k) { return f[static_cast<int>(k)]; }
inline const std::optional<double>& at(const Figures& f, Figure k) {
  return f[static_cast<int>(k)];
}

struct FigureInfo {
  std::string_view key;    // column name in outputs
  std::string_view label;  // 中文
  std::string_view unit;   // canonical unit
};
const FigureInfo& info(Figure f);

// The figures spread onto parcels and written per parcel (DATA.md parcels.csv).
inline constexpr std::array<Figure, 6> kParcelFigures = {Figure::tax,          Figure::revenue,
                                                         Figure::output_value, Figure::value_added,
                                                         Figure::energy_tce,   Figure::employees};

}  // namespace muyield
