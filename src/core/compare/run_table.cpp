#include "core/compare/run_table.hpp"

#include <charconv>
#include <cmath>

namespace muyield::compare {

std::optional<std::size_t> RunTable::column(std::string_view key) const {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i] == key) return i;
  return std::nullopt;
}

std::string_view RunTable::cell(std::size_t r, std::string_view key) const {
  const auto c = column(key);
  if (!c || *c >= rows[r].size()) return {};
  return rows[r][*c];
}

std::optional<double> RunTable::number(std::size_t r, std::string_view key) const {
  return parse_cell_number(cell(r, key));
}

std::optional<double> parse_cell_number(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty()) return std::nullopt;
  double v = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || ptr != text.data() + text.size() || !std::isfinite(v))
    return std::nullopt;
  return v;
}

std::string_view presence_key(Presence p) {
  switch (p) {
    case Presence::both:
      return "both";
    case Presence::appeared:
      return "appeared";
    case Presence::disappeared:
      return "disappeared";
  }
  return "";
}

}  // namespace muyield::compare
