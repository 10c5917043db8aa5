// Field recognition (DATA.md): which column holds which canonical field, and in which unit.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace muyield::io {

enum class TableKind { parcels, buildings, enterprises, links };
std::string_view table_kind_key(TableKind k);  // "parcels", …

enum class ValueKind { text, number, date, date_or_year, boolean, code };

// Units that can appear in a header. Each canonical field has one canonical unit.
// clang-format off
enum class Unit {
  none,
  yuan, qian_yuan, wan_yuan, yi_yuan,       // money; canonical 万元
  kwh, wan_kwh, yi_kwh,                     // electricity; canonical kWh
  m2, mu, hectare,                          // area; canonical m²
  tce, wan_tce,                             // energy; canonical 吨标准煤
  tonne,                                    // emissions; canonical 吨
  person,                                   // employees
  meter,                                    // height
  ratio, percent,                           // shares; canonical ratio (0.6), "%" → 0.01
};
// clang-format on
std::string_view unit_label(Unit u);  // "万元", "kWh", "m²", …
// A unit as written in a header ("万元", "万kWh", "万千瓦时", "万度", "亩", "公顷", "㎡", "%", …;
// ASCII case and full-width forms ignored); Unit::none when not a unit. Bare scale words ("万",
// "亿") and "吨" for energy depend on the field and are resolved by recognize_fields.
Unit unit_from_text(std::string_view text);
// Factor that converts a value in `from` into `to`; 0 when they do not measure the same thing.
double unit_factor(Unit from, Unit to);

struct FieldSpec {
  std::string_view canonical;
  std::vector<std::string_view> aliases;  // Chinese and pinyin initials, as in DATA.md
  ValueKind kind;
  Unit unit;  // canonical unit (Unit::none for non-quantities)
};
// The canonical fields of one table kind, in DATA.md order.
const std::vector<FieldSpec>& field_specs(TableKind kind);

// A header split into its name and unit: "营业收入（万元）" → {"营业收入", wan_yuan},
// " Tax [元] " → {"tax", yuan}, "用电量/万kWh" → {"用电量", wan_kwh}. Names are trimmed, full-width
// forms folded and ASCII lower-cased. A trailing group in (), [], （）, 【】 is always split off
// (unit_text set even when it is no unit, e.g. "(含增值税)"); text after a slash only when it is
// a unit.
struct Header {
  std::string name;
  Unit unit = Unit::none;
  std::string unit_text;  // the unit as written, empty when none
};
Header parse_header(std::string_view header);

struct RecognizedField {
  int column = -1;        // index into the headers given
  std::string header;     // as in the file
  std::string canonical;  // canonical name (or a configured extra attribute name)
  ValueKind kind = ValueKind::text;
  Unit header_unit = Unit::none;  // unit stated in the header, none = canonical assumed
  double factor = 1.0;            // multiply values by this to get the canonical unit
  std::string matched_by;         // "config", "alias", "canonical"
};

struct Recognition {
  std::vector<RecognizedField> fields;  // one per recognised canonical field
  std::vector<std::string> unknown;     // headers that map to nothing
  std::vector<std::string> warnings;    // e.g. two columns for one field, a unit that does not fit
  const RecognizedField* find(std::string_view canonical) const;
};

// `mapping` comes from the review configuration: canonical (or extra attribute) name → header.
// A mapped name that is not canonical becomes an extra field of kind `extra_kind` (booleans
// used for bonuses and deductions). Config mappings win over aliases; the first column wins
// when two columns match one field (a warning names both). Headers match an alias or a
// canonical name as a whole (after parse_header, spaces removed), never as a substring.
// A mapped header is found by its full text first, then by its name without the unit.
// A unit that does not fit the field, or is not recognised, is warned about and factor 1 used.
Recognition recognize_fields(TableKind kind, const std::vector<std::string>& headers,
                             const std::map<std::string, std::string>& mapping = {},
                             ValueKind extra_kind = ValueKind::boolean);

}  // namespace muyield::io
