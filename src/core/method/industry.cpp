#include "core/method/industry.hpp"

#include <cctype>

namespace muyield::method {

std::string industry_division(std::string_view code) {
  std::size_t i = 0;
  while (i < code.size() && std::isspace(static_cast<unsigned char>(code[i]))) ++i;
  if (i < code.size() && std::isalpha(static_cast<unsigned char>(code[i]))) ++i;
  if (i + 1 < code.size() && std::isdigit(static_cast<unsigned char>(code[i])) &&
      std::isdigit(static_cast<unsigned char>(code[i + 1])))
    return std::string(code.substr(i, 2));
  return {};
}

std::optional<double> far_minimum(const std::vector<FarMinimum>& table, std::string_view division) {
  if (division.empty()) return std::nullopt;
  for (const FarMinimum& row : table)
    if (row.division == division) return row.far_min;
  return std::nullopt;
}

}  // namespace muyield::method
