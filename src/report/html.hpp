// Text into HTML and SVG: escaping of every attribute value from the data, and numbers written
// the same whatever the locale.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace muyield::report {

// & < > " ' escaped: safe in element content and in quoted attributes.
std::string escape(std::string_view text);

// Fixed decimals, '.' as the decimal mark, no "-0.00"; "–" for missing.
std::string fixed(std::optional<double> v, int decimals = 2);

// Compact coordinates for SVG paths (one decimal, no trailing ".0").
void append_coordinate(std::string& out, double v);

}  // namespace muyield::report
