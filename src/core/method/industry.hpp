// Industry codes (GB/T 4754-2017): divisions and the minimum FAR of METHOD.md §7.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "muyield/config.hpp"

namespace muyield::method {

// The two-digit division of a code: "C3976" → "39", "3976" → "39", "D4411" → "44";
// empty when the code has fewer than two digits after an optional section letter.
std::string industry_division(std::string_view code);

std::optional<double> far_minimum(const std::vector<FarMinimum>& table, std::string_view division);

}  // namespace muyield::method
