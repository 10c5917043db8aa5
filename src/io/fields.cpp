#include "io/fields.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>

#include "io/values.hpp"

namespace muyield::io {

namespace {

enum class Dim { none, money, electricity, area, energy, mass, count, length, ratio };

// One unit as a fraction num/den of its dimension's base unit (1 亩 = 10000/15 m²), so that
// unit_factor is a single correctly rounded division: 元 → 万元 is exactly the double 1e-4.
struct UnitInfo {
  Unit unit;
  Dim dim;
  std::int64_t num, den;
  std::string_view label;
};
constexpr UnitInfo kUnits[] = {
    {Unit::none, Dim::none, 1, 1, ""},
    {Unit::yuan, Dim::money, 1, 1, "元"},
    {Unit::qian_yuan, Dim::money, 1000, 1, "千元"},
    {Unit::wan_yuan, Dim::money, 10000, 1, "万元"},
    {Unit::yi_yuan, Dim::money, 100000000, 1, "亿元"},
    {Unit::kwh, Dim::electricity, 1, 1, "kWh"},
    {Unit::wan_kwh, Dim::electricity, 10000, 1, "万kWh"},
    {Unit::yi_kwh, Dim::electricity, 100000000, 1, "亿kWh"},
    {Unit::m2, Dim::area, 1, 1, "m²"},
    {Unit::mu, Dim::area, 10000, 15, "亩"},
    {Unit::hectare, Dim::area, 10000, 1, "公顷"},
    {Unit::tce, Dim::energy, 1, 1, "吨标准煤"},
    {Unit::wan_tce, Dim::energy, 10000, 1, "万吨标准煤"},
    {Unit::tonne, Dim::mass, 1, 1, "吨"},
    {Unit::person, Dim::count, 1, 1, "人"},
    {Unit::meter, Dim::length, 1, 1, "m"},
    {Unit::ratio, Dim::ratio, 1, 1, "比例"},
    {Unit::percent, Dim::ratio, 1, 100, "%"},
};

const UnitInfo& info(Unit u) {
  for (const UnitInfo& i : kUnits) {
    if (i.unit == u) return i;
  }
  return kUnits[0];
}

// Unit words as they appear in headers, compared after unit_key().
struct UnitWord {
  std::string_view key;
  Unit unit;
};
constexpr UnitWord kUnitWords[] = {
    {"元", Unit::yuan},
    {"yuan", Unit::yuan},
    {"人民币元", Unit::yuan},
    {"千元", Unit::qian_yuan},
    {"万元", Unit::wan_yuan},
    {"亿元", Unit::yi_yuan},
    {"kwh", Unit::kwh},
    {"kw·h", Unit::kwh},
    {"kw.h", Unit::kwh},
    {"千瓦时", Unit::kwh},
    {"度", Unit::kwh},
    {"万kwh", Unit::wan_kwh},
    {"万kw·h", Unit::wan_kwh},
    {"万千瓦时", Unit::wan_kwh},
    {"万度", Unit::wan_kwh},
    {"亿kwh", Unit::yi_kwh},
    {"亿千瓦时", Unit::yi_kwh},
    {"亿度", Unit::yi_kwh},
    {"m2", Unit::m2},
    {"平方米", Unit::m2},
    {"平米", Unit::m2},
    {"亩", Unit::mu},
    {"mu", Unit::mu},
    {"公顷", Unit::hectare},
    {"ha", Unit::hectare},
    {"hm2", Unit::hectare},
    {"tce", Unit::tce},
    {"吨标准煤", Unit::tce},
    {"吨标煤", Unit::tce},
    {"t标准煤", Unit::tce},
    {"万tce", Unit::wan_tce},
    {"万吨标准煤", Unit::wan_tce},
    {"万吨标煤", Unit::wan_tce},
    {"吨", Unit::tonne},
    {"t", Unit::tonne},
    {"人", Unit::person},
    {"名", Unit::person},
    {"米", Unit::meter},
    {"m", Unit::meter},
    {"%", Unit::percent},
    {"百分比", Unit::percent},
};

// Words whose meaning depends on the field: "营业收入（万）" is 万元, "用电量（万）" 万kWh,
// "综合能耗（吨）" 吨标准煤.
struct ScaleWord {
  std::string_view key;
  Dim dim;
  Unit unit;
};
constexpr ScaleWord kScaleWords[] = {
    {"万", Dim::money, Unit::wan_yuan},     {"万", Dim::electricity, Unit::wan_kwh},
    {"万", Dim::energy, Unit::wan_tce},     {"亿", Dim::money, Unit::yi_yuan},
    {"亿", Dim::electricity, Unit::yi_kwh}, {"千", Dim::money, Unit::qian_yuan},
    {"吨", Dim::energy, Unit::tce},         {"t", Dim::energy, Unit::tce},
    {"万吨", Dim::energy, Unit::wan_tce},
};

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lower_ascii(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), lower);
  return s;
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) {
    s.replace(pos, from.size(), to);
  }
}

std::string without_spaces(std::string s) {
  std::erase_if(s, [](char c) { return c == ' ' || c == '\t'; });
  return s;
}

std::string unit_key(std::string_view text) {
  std::string key = without_spaces(lower_ascii(fold_width(trim_view(text))));
  replace_all(key, "\u33A1", "m2");  // ㎡
  replace_all(key, "\u00B2", "2");   // ²
  return key;
}

// What a header name or an alias is compared by: folded, lower-cased, without spaces.
std::string match_key(std::string_view name) {
  return without_spaces(lower_ascii(fold_width(trim_view(name))));
}

bool is_scale_word(std::string_view key) {
  return std::any_of(std::begin(kScaleWords), std::end(kScaleWords),
                     [&](const ScaleWord& w) { return w.key == key; });
}

// The header's unit for a field measured in `canonical`.
Unit resolve_unit(const Header& h, Unit canonical) {
  const std::string key = unit_key(h.unit_text);
  for (const ScaleWord& w : kScaleWords) {
    if (w.key == key && w.dim == info(canonical).dim) return w.unit;
  }
  return h.unit;
}

using Aliases = std::vector<std::string_view>;

std::vector<FieldSpec> parcel_specs(const Aliases& parcel_id) {
  return {
      {"parcel_id", parcel_id, ValueKind::code, Unit::none},
      {"holder_uscc",
       {"权利人统一社会信用代码", "统一社会信用代码", "TYSHXYDM", "QLRDM"},
       ValueKind::code,
       Unit::none},
      {"holder_name", {"权利人", "权利人名称", "QLR", "QLRMC"}, ValueKind::text, Unit::none},
      {"park", {"园区", "园区名称", "所属园区", "YQMC"}, ValueKind::text, Unit::none},
      {"land_use", {"土地用途", "用途", "地类编码", "TDYT", "DLBM"}, ValueKind::text, Unit::none},
      {"status", {"供地状态", "土地状态", "GDZT"}, ValueKind::text, Unit::none},
      {"supply_date", {"供地日期", "出让日期", "GDRQ"}, ValueKind::date, Unit::none},
      {"agreed_start", {"约定开工日期", "约定动工日期", "YDKGRQ"}, ValueKind::date, Unit::none},
      {"registered_m2",
       {"登记面积", "宗地面积", "用地面积", "ZDMJ", "DJMJ"},
       ValueKind::number,
       Unit::m2},
  };
}

std::vector<FieldSpec> building_specs() {
  return {
      {"floors", {"层数", "建筑层数", "CS", "JZCS"}, ValueKind::number, Unit::none},
      {"height_m", {"建筑高度", "高度", "GD"}, ValueKind::number, Unit::meter},
  };
}

std::vector<FieldSpec> enterprise_specs(const Aliases& uscc) {
  const auto money = [](std::string_view canonical, Aliases aliases) {
    return FieldSpec{canonical, std::move(aliases), ValueKind::number, Unit::wan_yuan};
  };
  return {
      {"uscc", uscc, ValueKind::code, Unit::none},
      {"name", {"企业名称", "单位名称", "QYMC"}, ValueKind::text, Unit::none},
      {"year", {"年度", "年份", "ND"}, ValueKind::number, Unit::none},
      {"industry_code", {"行业代码", "国民经济行业代码", "HYDM"}, ValueKind::code, Unit::none},
      {"above_scale", {"是否规上", "规上企业", "规模以上"}, ValueKind::boolean, Unit::none},
      money("revenue", {"营业收入", "主营业务收入", "销售收入"}),
      money("output_value", {"工业总产值", "总产值"}),
      money("value_added", {"工业增加值", "增加值"}),
      money("tax", {"税收实际贡献", "实缴税金", "实缴税收", "税收"}),
      {"energy_tce", {"综合能耗", "能耗"}, ValueKind::number, Unit::tce},
      {"electricity_kwh", {"用电量", "总用电量"}, ValueKind::number, Unit::kwh},
      {"employees", {"年平均职工人数", "从业人员", "职工人数"}, ValueKind::number, Unit::person},
      money("rd_expense", {"研发经费支出", "R&D经费", "研发投入"}),
      {"emissions_t", {"主要污染物排放量", "排污量"}, ValueKind::number, Unit::tonne},
      {"production_start", {"投产日期", "投产时间"}, ValueKind::date_or_year, Unit::none},
      {"high_tech", {"高新技术企业"}, ValueKind::boolean, Unit::none},
      {"specialized", {"专精特新"}, ValueKind::boolean, Unit::none},
      {"veto", {"一票否决", "否决事项"}, ValueKind::text, Unit::none},
      {"lon", {"经度", "longitude", "lng"}, ValueKind::number, Unit::none},
      {"lat", {"纬度", "latitude"}, ValueKind::number, Unit::none},
      // No Chinese aliases for x/y: in Chinese survey use X is northing, Y easting.
      {"x", {}, ValueKind::number, Unit::none},
      {"y", {}, ValueKind::number, Unit::none},
  };
}

std::vector<FieldSpec> link_specs(const Aliases& parcel_id, const Aliases& uscc) {
  return {
      {"parcel_id", parcel_id, ValueKind::code, Unit::none},
      {"uscc", uscc, ValueKind::code, Unit::none},
      {"share", {"份额", "占比", "比例"}, ValueKind::number, Unit::ratio},
      {"floor_area_m2", {"租用建筑面积", "租赁面积", "建筑面积"}, ValueKind::number, Unit::m2},
  };
}

std::string quoted(std::string_view s) { return "“" + std::string(s) + "”"; }

class Recognizer {
 public:
  Recognizer(TableKind kind, const std::vector<std::string>& headers, ValueKind extra_kind)
      : specs_(field_specs(kind)),
        headers_(headers),
        extra_kind_(extra_kind),
        by_spec_(specs_.size()),
        claimed_(headers.size(), false) {
    for (const std::string& h : headers) {
      parsed_.push_back(parse_header(h));
      keys_.push_back(match_key(parsed_.back().name));
    }
  }

  void apply_mapping(const std::map<std::string, std::string>& mapping) {
    for (const auto& [name, wanted] : mapping) {
      const int col = configured_column(wanted);
      if (col < 0) {
        warn("配置的列" + quoted(wanted) + "（" + name + "）在表中不存在 / configured column " +
             wanted + " for " + name + " not found");
        continue;
      }
      if (claimed_[col]) {
        warn("配置的列" + quoted(wanted) + "已被使用，不能再用于 " + name +
             " / configured column " + wanted + " is already used; not also for " + name);
        continue;
      }
      claimed_[col] = true;
      const auto spec = std::find_if(specs_.begin(), specs_.end(),
                                     [&name = name](const FieldSpec& s) { return s.canonical == name; });
      if (spec != specs_.end()) {
        by_spec_[spec - specs_.begin()] = make_field(col, *spec, "config");
      } else {
        RecognizedField f = base_field(col, name, "config");
        f.kind = extra_kind_;
        extras_.push_back(std::move(f));
      }
    }
  }

  void match_defaults() {
    for (std::size_t col = 0; col < headers_.size(); ++col) {
      if (claimed_[col]) continue;
      const auto [spec, by] = default_match(keys_[col]);
      if (spec < 0) {
        result_.unknown.push_back(headers_[col]);
        continue;
      }
      const std::string_view canonical = specs_[spec].canonical;
      if (const auto& first = by_spec_[spec]) {
        if (first->matched_by == "config") {
          warn("列" + quoted(headers_[col]) + "也对应 " + std::string(canonical) +
               "，但配置指定了" + quoted(first->header) + "，已忽略 / column " + headers_[col] +
               " also matches " + std::string(canonical) + ", but the configuration names " +
               first->header + "; ignored");
        } else {
          warn("列" + quoted(first->header) + "和" + quoted(headers_[col]) + "都对应 " +
               std::string(canonical) + "，使用第一列 / columns " + first->header + " and " +
               headers_[col] + " both match " + std::string(canonical) + "; using the first, " +
               first->header);
        }
        continue;
      }
      claimed_[col] = true;
      by_spec_[spec] = make_field(static_cast<int>(col), specs_[spec], by);
    }
  }

  Recognition result() && {
    for (auto& f : by_spec_) {
      if (f) result_.fields.push_back(std::move(*f));
    }
    for (auto& f : extras_) result_.fields.push_back(std::move(f));
    return std::move(result_);
  }

 private:
  void warn(std::string w) { result_.warnings.push_back(std::move(w)); }

  // A configured header: by its full text first, then by its name without a unit.
  int configured_column(std::string_view wanted) const {
    const std::string full = match_key(wanted);
    for (std::size_t col = 0; col < headers_.size(); ++col) {
      if (match_key(headers_[col]) == full) return static_cast<int>(col);
    }
    const std::string name = match_key(parse_header(wanted).name);
    for (std::size_t col = 0; col < headers_.size(); ++col) {
      if (keys_[col] == name) return static_cast<int>(col);
    }
    return -1;
  }

  std::pair<int, std::string_view> default_match(const std::string& key) const {
    if (key.empty()) return {-1, ""};
    for (std::size_t i = 0; i < specs_.size(); ++i) {
      if (key == specs_[i].canonical) return {static_cast<int>(i), "canonical"};
      for (std::string_view alias : specs_[i].aliases) {
        if (key == match_key(alias)) return {static_cast<int>(i), "alias"};
      }
    }
    return {-1, ""};
  }

  RecognizedField base_field(int col, std::string_view canonical, std::string_view by) const {
    RecognizedField f;
    f.column = col;
    f.header = headers_[col];
    f.canonical = canonical;
    f.matched_by = by;
    return f;
  }

  RecognizedField make_field(int col, const FieldSpec& spec, std::string_view by) {
    RecognizedField f = base_field(col, spec.canonical, by);
    f.kind = spec.kind;
    const Header& h = parsed_[col];
    if (h.unit_text.empty()) return f;
    const Unit stated = resolve_unit(h, spec.unit);
    const std::string field(spec.canonical);
    const std::string canonical_label(unit_label(spec.unit));
    if (spec.unit == Unit::none) {
      // A note in brackets ("是否规上(是/否)") is fine; a real unit on a unitless field is not.
      if (stated != Unit::none) {
        warn("列" + quoted(f.header) + "的单位" + quoted(h.unit_text) + "不适用于 " + field +
             "，已忽略 / column " + f.header + ": " + field + " takes no unit; " + h.unit_text +
             " ignored");
      }
      return f;
    }
    if (stated == Unit::none) {
      warn("列" + quoted(f.header) + "的单位" + quoted(h.unit_text) + "无法识别，按 " +
           canonical_label + " 读取 / column " + f.header + ": unit " + h.unit_text +
           " not recognised; values taken as " + canonical_label);
      return f;
    }
    const double factor = unit_factor(stated, spec.unit);
    if (factor == 0) {
      warn("列" + quoted(f.header) + "的单位" + quoted(h.unit_text) + "不适用于 " + field + "（" +
           canonical_label + "），已忽略 / column " + f.header + ": unit " + h.unit_text +
           " does not fit " + field + " (" + canonical_label + "); ignored, values taken as " +
           canonical_label);
      return f;
    }
    f.header_unit = stated;
    f.factor = factor;
    return f;
  }

  const std::vector<FieldSpec>& specs_;
  const std::vector<std::string>& headers_;
  ValueKind extra_kind_;
  std::vector<Header> parsed_;
  std::vector<std::string> keys_;
  std::vector<std::optional<RecognizedField>> by_spec_;
  std::vector<RecognizedField> extras_;
  std::vector<bool> claimed_;
  Recognition result_;
};

}  // namespace

std::string_view table_kind_key(TableKind k) {
  switch (k) {
    case TableKind::parcels:
      return "parcels";
    case TableKind::buildings:
      return "buildings";
    case TableKind::enterprises:
      return "enterprises";
    case TableKind::links:
      return "links";
  }
  return "";
}

std::string_view unit_label(Unit u) { return info(u).label; }

double unit_factor(Unit from, Unit to) {
  if (from == to) return 1.0;
  const UnitInfo& f = info(from);
  const UnitInfo& t = info(to);
  if (f.dim != t.dim || f.dim == Dim::none) return 0.0;
  // (f.num / f.den) / (t.num / t.den); the products stay far below 2^53.
  return static_cast<double>(f.num * t.den) / static_cast<double>(f.den * t.num);
}

Unit unit_from_text(std::string_view text) {
  const std::string key = unit_key(text);
  for (const UnitWord& w : kUnitWords) {
    if (w.key == key) return w.unit;
  }
  return Unit::none;
}

const std::vector<FieldSpec>& field_specs(TableKind kind) {
  static const std::array<std::vector<FieldSpec>, 4> specs = [] {
    // Aliases shared by two tables, written once.
    const Aliases parcel_id{"宗地代码", "宗地编码", "ZDDM", "ZDBM", "DKBH", "地块编号"};
    const Aliases uscc{"统一社会信用代码", "信用代码", "TYSHXYDM"};
    return std::array<std::vector<FieldSpec>, 4>{parcel_specs(parcel_id), building_specs(),
                                                 enterprise_specs(uscc),
                                                 link_specs(parcel_id, uscc)};
  }();
  return specs[static_cast<std::size_t>(kind)];
}

Header parse_header(std::string_view header) {
  std::string text = fold_width(trim_view(header));
  replace_all(text, "【", "[");  // not in the full-width ASCII block
  replace_all(text, "】", "]");
  std::string_view name = trim_view(text), unit;
  if (!name.empty() && (name.back() == ')' || name.back() == ']')) {
    const auto open = name.rfind(name.back() == ')' ? '(' : '[');
    if (open != std::string_view::npos && open > 0) {
      unit = name.substr(open + 1, name.size() - open - 2);
      name = name.substr(0, open);
    }
  } else if (const auto slash = name.rfind('/'); slash != std::string_view::npos && slash > 0) {
    const std::string_view tail = trim_view(name.substr(slash + 1));
    if (unit_from_text(tail) != Unit::none || is_scale_word(unit_key(tail))) {
      unit = tail;
      name = name.substr(0, slash);
    }
  }
  Header h;
  h.name = lower_ascii(std::string(trim_view(name)));
  h.unit_text = trim_view(unit);
  h.unit = unit_from_text(h.unit_text);
  return h;
}

const RecognizedField* Recognition::find(std::string_view canonical) const {
  const auto it = std::find_if(fields.begin(), fields.end(),
                               [&](const RecognizedField& f) { return f.canonical == canonical; });
  return it == fields.end() ? nullptr : &*it;
}

Recognition recognize_fields(TableKind kind, const std::vector<std::string>& headers,
                             const std::map<std::string, std::string>& mapping,
                             ValueKind extra_kind) {
  Recognizer r(kind, headers, extra_kind);
  r.apply_mapping(mapping);
  r.match_defaults();
  return std::move(r).result();
}

}  // namespace muyield::io
