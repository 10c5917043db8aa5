// One output table of a finished review (enterprises.csv, parcels.csv) as text cells, for
// comparing two reviews. Empty cell = missing (DATA.md), never 0.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace muyield::compare {

struct RunTable {
  std::string source;  // file, for messages
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;

  std::optional<std::size_t> column(std::string_view key) const;
  // The cell of `key` in row r; "" when the column does not exist.
  std::string_view cell(std::size_t r, std::string_view key) const;
  // The cell as a number; none when absent, empty or not a number.
  std::optional<double> number(std::size_t r, std::string_view key) const;
};

// Parses a number as muyield writes it ('.' decimals, no grouping); none otherwise.
std::optional<double> parse_cell_number(std::string_view text);

// A value in the earlier and the later review.
struct Delta {
  std::optional<double> from, to;
  bool comparable = true;  // false: both shown, no change (a rank in another group)
  std::optional<double> change() const {
    if (from && to && comparable) return *to - *from;
    return std::nullopt;
  }
};

// Whether a record (enterprise, parcel) is in both reviews or only one.
enum class Presence { both, appeared, disappeared };
std::string_view presence_key(Presence p);  // "both", "appeared", "disappeared"

}  // namespace muyield::compare
