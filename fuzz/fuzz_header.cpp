// Header recognition on arbitrary bytes: the input is split into header cells at newlines and
// tabs (the first byte picks the table kind), and each cell goes through parse_header too.
// Properties: every recognised field points at an existing column with that header, each
// canonical field is recognised once, and unit factors are finite and positive.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.hpp"
#include "io/fields.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace muyield::io;
  if (size == 0) return 0;
  constexpr TableKind kKinds[] = {TableKind::parcels, TableKind::buildings, TableKind::enterprises,
                                  TableKind::links};
  const TableKind kind = kKinds[data[0] % 4];
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  std::vector<std::string> headers;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n' || text[i] == '\t') {
      headers.emplace_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  for (const std::string& h : headers) {
    const Header parsed = parse_header(h);
    if (parsed.unit != Unit::none) MUYIELD_FUZZ_CHECK(!parsed.unit_text.empty());
  }
  // A mapping from the last header, as review.toml could give it.
  std::map<std::string, std::string> mapping;
  if (headers.size() > 1) mapping["extra_flag"] = headers.back();
  const Recognition r = recognize_fields(kind, headers, mapping);
  std::set<std::string> canonicals;
  for (const RecognizedField& f : r.fields) {
    MUYIELD_FUZZ_CHECK(f.column >= 0 && static_cast<std::size_t>(f.column) < headers.size());
    MUYIELD_FUZZ_CHECK(headers[f.column] == f.header);
    MUYIELD_FUZZ_CHECK(canonicals.insert(f.canonical).second);
    MUYIELD_FUZZ_CHECK(std::isfinite(f.factor) && f.factor > 0);
    MUYIELD_FUZZ_CHECK(r.find(f.canonical) != nullptr);
  }
  return 0;
}
