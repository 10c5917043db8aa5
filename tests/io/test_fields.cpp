#include <catch2/catch.hpp>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "io/fields.hpp"

using namespace muyield::io;

namespace {

bool has_warning_with(const Recognition& r, std::string_view text) {
  for (const std::string& w : r.warnings) {
    if (w.find(text) != std::string::npos) return true;
  }
  return false;
}

// The one field recognised from a single header.
RecognizedField only_field(TableKind kind, const std::string& header) {
  const Recognition r = recognize_fields(kind, {header});
  INFO("header: " << header);
  REQUIRE(r.fields.size() == 1);
  return r.fields[0];
}

}  // namespace

TEST_CASE("table kind keys", "[fields]") {
  CHECK(table_kind_key(TableKind::parcels) == "parcels");
  CHECK(table_kind_key(TableKind::buildings) == "buildings");
  CHECK(table_kind_key(TableKind::enterprises) == "enterprises");
  CHECK(table_kind_key(TableKind::links) == "links");
}

TEST_CASE("unit factors to the canonical units", "[fields]") {
  CHECK(unit_factor(Unit::yuan, Unit::wan_yuan) == 1e-4);
  CHECK(unit_factor(Unit::qian_yuan, Unit::wan_yuan) == 0.1);
  CHECK(unit_factor(Unit::yi_yuan, Unit::wan_yuan) == 1e4);
  CHECK(unit_factor(Unit::wan_yuan, Unit::wan_yuan) == 1.0);
  CHECK(unit_factor(Unit::wan_kwh, Unit::kwh) == 1e4);
  CHECK(unit_factor(Unit::yi_kwh, Unit::kwh) == 1e8);
  CHECK(unit_factor(Unit::mu, Unit::m2) == 10000.0 / 15.0);
  CHECK(unit_factor(Unit::hectare, Unit::m2) == 1e4);
  CHECK(unit_factor(Unit::hectare, Unit::mu) == 15.0);
  CHECK(unit_factor(Unit::m2, Unit::mu) == 0.0015);
  CHECK(unit_factor(Unit::wan_tce, Unit::tce) == 1e4);
  CHECK(unit_factor(Unit::percent, Unit::ratio) == 0.01);
  // Different things: 0.
  CHECK(unit_factor(Unit::yuan, Unit::kwh) == 0.0);
  CHECK(unit_factor(Unit::tonne, Unit::tce) == 0.0);
  CHECK(unit_factor(Unit::none, Unit::wan_yuan) == 0.0);
  CHECK(unit_factor(Unit::none, Unit::none) == 1.0);
}

TEST_CASE("unit labels and unit words", "[fields]") {
  CHECK(unit_label(Unit::wan_yuan) == "万元");
  CHECK(unit_label(Unit::kwh) == "kWh");
  CHECK(unit_label(Unit::m2) == "m²");
  CHECK(unit_label(Unit::mu) == "亩");
  CHECK(unit_label(Unit::none).empty());
  CHECK(unit_from_text("万元") == Unit::wan_yuan);
  CHECK(unit_from_text("万kWh") == Unit::wan_kwh);
  CHECK(unit_from_text("万KWH") == Unit::wan_kwh);
  CHECK(unit_from_text("万千瓦时") == Unit::wan_kwh);
  CHECK(unit_from_text("万度") == Unit::wan_kwh);
  CHECK(unit_from_text("度") == Unit::kwh);
  CHECK(unit_from_text("ｋＷｈ") == Unit::kwh);
  CHECK(unit_from_text("㎡") == Unit::m2);
  CHECK(unit_from_text("m²") == Unit::m2);
  CHECK(unit_from_text("平方米") == Unit::m2);
  CHECK(unit_from_text("亩") == Unit::mu);
  CHECK(unit_from_text("公顷") == Unit::hectare);
  CHECK(unit_from_text("万吨标准煤") == Unit::wan_tce);
  CHECK(unit_from_text("%") == Unit::percent);
  CHECK(unit_from_text("含增值税") == Unit::none);
  CHECK(unit_from_text("万") == Unit::none);  // depends on the field
}

TEST_CASE("parse_header splits name and unit", "[fields]") {
  struct Case {
    const char* header;
    const char* name;
    Unit unit;
    const char* unit_text;
  };
  const Case cases[] = {
      {"营业收入（万元）", "营业收入", Unit::wan_yuan, "万元"},
      {"营业收入(元)", "营业收入", Unit::yuan, "元"},
      {"营业收入（亿元）", "营业收入", Unit::yi_yuan, "亿元"},
      {"用电量(万kWh)", "用电量", Unit::wan_kwh, "万kWh"},
      {"用电量（万千瓦时）", "用电量", Unit::wan_kwh, "万千瓦时"},
      {"用电量(万度)", "用电量", Unit::wan_kwh, "万度"},
      {"用电量/万kWh", "用电量", Unit::wan_kwh, "万kWh"},
      {"用电量／万度", "用电量", Unit::wan_kwh, "万度"},
      {"登记面积（亩）", "登记面积", Unit::mu, "亩"},
      {"登记面积(公顷)", "登记面积", Unit::hectare, "公顷"},
      {"登记面积【平方米】", "登记面积", Unit::m2, "平方米"},
      {"税收实际贡献[万元]", "税收实际贡献", Unit::wan_yuan, "万元"},
      {" Tax [元] ", "tax", Unit::yuan, "元"},
      {"\u3000营业收入 （ 万元 ）\u3000", "营业收入", Unit::wan_yuan, "万元"},
      {"ZDDM", "zddm", Unit::none, ""},
      {"Parcel_ID", "parcel_id", Unit::none, ""},
      {"ＺＤＤＭ", "zddm", Unit::none, ""},
      // A bracket is split off even when it is no unit; a slash only before a unit.
      {"税收(含增值税)", "税收", Unit::none, "含增值税"},
      {"是否规上(是/否)", "是否规上", Unit::none, "是/否"},
      {"是/否规上", "是/否规上", Unit::none, ""},
      {"(万元)", "(万元)", Unit::none, ""},
  };
  for (const Case& c : cases) {
    INFO("header: " << c.header);
    const Header h = parse_header(c.header);
    CHECK(h.name == c.name);
    CHECK(h.unit == c.unit);
    CHECK(h.unit_text == c.unit_text);
  }
}

TEST_CASE("every alias of DATA.md recognises its field", "[fields]") {
  using Expect = std::map<std::string, std::vector<std::string>>;
  // Copied by hand from DATA.md, not from the implementation.
  const std::map<TableKind, Expect> data_md = {
      {TableKind::parcels,
       {{"parcel_id", {"宗地代码", "宗地编码", "ZDDM", "ZDBM", "DKBH", "地块编号"}},
        {"holder_uscc", {"权利人统一社会信用代码", "统一社会信用代码", "TYSHXYDM", "QLRDM"}},
        {"holder_name", {"权利人", "权利人名称", "QLR", "QLRMC"}},
        {"park", {"园区", "园区名称", "所属园区", "YQMC"}},
        {"land_use", {"土地用途", "用途", "地类编码", "TDYT", "DLBM"}},
        {"status", {"供地状态", "土地状态", "GDZT"}},
        {"supply_date", {"供地日期", "出让日期", "GDRQ"}},
        {"agreed_start", {"约定开工日期", "约定动工日期", "YDKGRQ"}},
        {"registered_m2", {"登记面积", "宗地面积", "用地面积", "ZDMJ", "DJMJ"}}}},
      {TableKind::buildings,
       {{"floors", {"层数", "建筑层数", "CS", "JZCS"}}, {"height_m", {"建筑高度", "高度", "GD"}}}},
      {TableKind::enterprises,
       {{"uscc", {"统一社会信用代码", "信用代码", "TYSHXYDM"}},
        {"name", {"企业名称", "单位名称", "QYMC"}},
        {"year", {"年度", "年份", "ND"}},
        {"industry_code", {"行业代码", "国民经济行业代码", "HYDM"}},
        {"above_scale", {"是否规上", "规上企业", "规模以上"}},
        {"revenue", {"营业收入", "主营业务收入", "销售收入"}},
        {"output_value", {"工业总产值", "总产值"}},
        {"value_added", {"工业增加值", "增加值"}},
        {"tax", {"税收实际贡献", "实缴税金", "实缴税收", "税收"}},
        {"energy_tce", {"综合能耗", "能耗"}},
        {"electricity_kwh", {"用电量", "总用电量"}},
        {"employees", {"年平均职工人数", "从业人员", "职工人数"}},
        {"rd_expense", {"研发经费支出", "R&D经费", "研发投入"}},
        {"emissions_t", {"主要污染物排放量", "排污量"}},
        {"production_start", {"投产日期", "投产时间"}},
        {"high_tech", {"高新技术企业"}},
        {"specialized", {"专精特新"}},
        {"veto", {"一票否决", "否决事项"}},
        {"lon", {"经度"}},
        {"lat", {"纬度"}},
        {"x", {}},
        {"y", {}}}},
      {TableKind::links,
       {{"parcel_id", {"宗地代码", "ZDDM"}},
        {"uscc", {"统一社会信用代码", "TYSHXYDM"}},
        {"share", {"份额", "占比"}},
        {"floor_area_m2", {"租用建筑面积", "租赁面积", "建筑面积"}}}},
  };
  for (const auto& [kind, expect] : data_md) {
    CHECK(field_specs(kind).size() == expect.size());
    for (const auto& [canonical, aliases] : expect) {
      // The canonical name itself, in any case, is recognised too.
      for (const std::string& header : {canonical, std::string("  ") + canonical + " "}) {
        const RecognizedField f = only_field(kind, header);
        CHECK(f.canonical == canonical);
        CHECK(f.matched_by == "canonical");
      }
      for (const std::string& alias : aliases) {
        const RecognizedField f = only_field(kind, alias);
        CHECK(f.canonical == canonical);
        CHECK(f.matched_by == "alias");
        CHECK(f.column == 0);
        CHECK(f.header == alias);
      }
    }
  }
}

TEST_CASE("no alias belongs to two fields of one table", "[fields]") {
  for (TableKind kind :
       {TableKind::parcels, TableKind::buildings, TableKind::enterprises, TableKind::links}) {
    for (const FieldSpec& spec : field_specs(kind)) {
      for (std::string_view alias : spec.aliases) {
        INFO(table_kind_key(kind) << ": " << alias);
        const Recognition r = recognize_fields(kind, {std::string(alias)});
        REQUIRE(r.fields.size() == 1);
        CHECK(r.fields[0].canonical == spec.canonical);
      }
    }
  }
}

TEST_CASE("value kinds and canonical units of the specs", "[fields]") {
  const auto spec = [](TableKind kind, std::string_view canonical) {
    for (const FieldSpec& s : field_specs(kind)) {
      if (s.canonical == canonical) return s;
    }
    FAIL("no spec " << canonical);
    return FieldSpec{};
  };
  CHECK(spec(TableKind::enterprises, "revenue").unit == Unit::wan_yuan);
  CHECK(spec(TableKind::enterprises, "tax").unit == Unit::wan_yuan);
  CHECK(spec(TableKind::enterprises, "electricity_kwh").unit == Unit::kwh);
  CHECK(spec(TableKind::enterprises, "energy_tce").unit == Unit::tce);
  CHECK(spec(TableKind::enterprises, "production_start").kind == ValueKind::date_or_year);
  CHECK(spec(TableKind::enterprises, "above_scale").kind == ValueKind::boolean);
  CHECK(spec(TableKind::enterprises, "uscc").kind == ValueKind::code);
  CHECK(spec(TableKind::parcels, "registered_m2").unit == Unit::m2);
  CHECK(spec(TableKind::parcels, "supply_date").kind == ValueKind::date);
  CHECK(spec(TableKind::links, "share").unit == Unit::ratio);
  CHECK(spec(TableKind::links, "floor_area_m2").unit == Unit::m2);
  CHECK(field_specs(TableKind::parcels).front().canonical == "parcel_id");  // DATA.md order
}

TEST_CASE("a typical enterprise sheet", "[fields]") {
  const std::vector<std::string> headers = {"序号",
                                            "统一社会信用代码",
                                            "企业名称",
                                            "年度",
                                            "营业收入（万元）",
                                            "税收实际贡献（万元）",
                                            "用电量(万kWh)",
                                            "综合能耗(吨标准煤)",
                                            "经度",
                                            "纬度",
                                            "备注"};
  const Recognition r = recognize_fields(TableKind::enterprises, headers);
  CHECK(r.warnings.empty());
  CHECK(r.unknown == std::vector<std::string>{"序号", "备注"});
  REQUIRE(r.fields.size() == 9);
  // In DATA.md order, not column order.
  CHECK(r.fields[0].canonical == "uscc");
  CHECK(r.fields[1].canonical == "name");
  CHECK(r.fields.back().canonical == "lat");

  const RecognizedField* tax = r.find("tax");
  REQUIRE(tax != nullptr);
  CHECK(tax->column == 5);
  CHECK(tax->header == "税收实际贡献（万元）");
  CHECK(tax->header_unit == Unit::wan_yuan);
  CHECK(tax->factor == 1.0);
  CHECK(tax->kind == ValueKind::number);

  const RecognizedField* kwh = r.find("electricity_kwh");
  REQUIRE(kwh != nullptr);
  CHECK(kwh->header_unit == Unit::wan_kwh);
  CHECK(kwh->factor == 1e4);
  CHECK(r.find("energy_tce")->factor == 1.0);
  CHECK(r.find("lon")->column == 8);
  CHECK(r.find("revenue")->matched_by == "alias");
  CHECK(r.find("veto") == nullptr);
}

TEST_CASE("units in headers become factors", "[fields]") {
  const auto factor = [](TableKind kind, const std::string& header) {
    return only_field(kind, header).factor;
  };
  CHECK(factor(TableKind::enterprises, "营业收入(元)") == 1e-4);
  CHECK(factor(TableKind::enterprises, "营业收入（亿元）") == 1e4);
  CHECK(factor(TableKind::enterprises, "营业收入（千元）") == 0.1);
  CHECK(factor(TableKind::enterprises, "用电量（万千瓦时）") == 1e4);
  CHECK(factor(TableKind::enterprises, "用电量(万度)") == 1e4);
  CHECK(factor(TableKind::enterprises, "用电量（度）") == 1.0);
  CHECK(factor(TableKind::enterprises, "综合能耗(万吨标准煤)") == 1e4);
  CHECK(factor(TableKind::parcels, "登记面积（亩）") == 10000.0 / 15.0);
  CHECK(factor(TableKind::parcels, "登记面积(公顷)") == 1e4);
  CHECK(factor(TableKind::parcels, "宗地面积（平方米）") == 1.0);
  CHECK(factor(TableKind::links, "占比(%)") == 0.01);
  CHECK(factor(TableKind::links, "租赁面积（㎡）") == 1.0);
  CHECK(factor(TableKind::buildings, "建筑高度(米)") == 1.0);
  // Scale words take the field's dimension.
  CHECK(factor(TableKind::enterprises, "营业收入（万）") == 1.0);
  CHECK(factor(TableKind::enterprises, "用电量（万）") == 1e4);
  CHECK(factor(TableKind::enterprises, "实缴税金(亿)") == 1e4);
  CHECK(factor(TableKind::enterprises, "综合能耗（吨）") == 1.0);
  CHECK(factor(TableKind::enterprises, "综合能耗（万吨）") == 1e4);
  CHECK(only_field(TableKind::enterprises, "综合能耗（吨）").header_unit == Unit::tce);
  CHECK(recognize_fields(TableKind::enterprises, {"综合能耗（吨）"}).warnings.empty());
}

TEST_CASE("a unit that does not fit is warned about and ignored", "[fields]") {
  const Recognition r = recognize_fields(TableKind::enterprises, {"营业收入(kWh)"});
  REQUIRE(r.fields.size() == 1);
  CHECK(r.fields[0].canonical == "revenue");
  CHECK(r.fields[0].factor == 1.0);
  CHECK(r.fields[0].header_unit == Unit::none);
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].find("does not fit revenue (万元)") != std::string::npos);

  const Recognition area = recognize_fields(TableKind::parcels, {"登记面积(万元)"});
  CHECK(area.fields.at(0).factor == 1.0);
  CHECK(has_warning_with(area, "does not fit registered_m2"));

  // An unrecognised unit on a quantity: taken as canonical, with a warning.
  const Recognition note = recognize_fields(TableKind::enterprises, {"税收(含增值税)"});
  CHECK(note.fields.at(0).canonical == "tax");
  CHECK(note.fields.at(0).factor == 1.0);
  CHECK(has_warning_with(note, "unit 含增值税 not recognised; values taken as 万元"));

  // A unit on a field that takes none; but a note in brackets on such a field is fine.
  const Recognition code = recognize_fields(TableKind::parcels, {"宗地代码(m2)"});
  CHECK(code.fields.at(0).canonical == "parcel_id");
  CHECK(has_warning_with(code, "parcel_id takes no unit"));
  CHECK(recognize_fields(TableKind::enterprises, {"是否规上(是/否)"}).warnings.empty());
}

TEST_CASE("whole names match, never substrings or prefixes", "[fields]") {
  const Recognition r =
      recognize_fields(TableKind::enterprises,
                       {"税收滞纳金", "营业收入增长率", "用电量占比", "税收实际贡献（万元）"});
  CHECK(r.unknown == std::vector<std::string>{"税收滞纳金", "营业收入增长率", "用电量占比"});
  REQUIRE(r.fields.size() == 1);
  CHECK(r.fields[0].canonical == "tax");
  CHECK(r.fields[0].column == 3);
  CHECK(r.warnings.empty());

  const Recognition p = recognize_fields(TableKind::parcels, {"权利人", "权利人统一社会信用代码"});
  CHECK(p.find("holder_name")->column == 0);
  CHECK(p.find("holder_uscc")->column == 1);
}

TEST_CASE("two columns for one field: the first wins, with a warning", "[fields]") {
  const Recognition r =
      recognize_fields(TableKind::enterprises, {"税收", "用电量", "总用电量", "税收实际贡献"});
  CHECK(r.find("tax")->column == 0);
  CHECK(r.find("electricity_kwh")->column == 1);
  REQUIRE(r.warnings.size() == 2);
  CHECK(has_warning_with(r,
                         "columns 用电量 and 总用电量 both match electricity_kwh; using the "
                         "first, 用电量"));
  CHECK(has_warning_with(r, "columns 税收 and 税收实际贡献 both match tax"));
  CHECK(r.unknown.empty());

  // A canonical name and an alias for the same field.
  const Recognition c = recognize_fields(TableKind::parcels, {"ZDDM", "parcel_id"});
  CHECK(c.find("parcel_id")->column == 0);
  CHECK(c.warnings.size() == 1);
}

TEST_CASE("case, spaces and full-width forms do not matter", "[fields]") {
  CHECK(only_field(TableKind::parcels, "zddm").canonical == "parcel_id");
  CHECK(only_field(TableKind::parcels, " ZdDm ").canonical == "parcel_id");
  CHECK(only_field(TableKind::parcels, "ＺＤＤＭ").canonical == "parcel_id");
  CHECK(only_field(TableKind::enterprises, "r&d经费（万元）").canonical == "rd_expense");
  CHECK(only_field(TableKind::enterprises, "营业 收入").canonical == "revenue");
  CHECK(only_field(TableKind::enterprises, "TAX").canonical == "tax");
  CHECK(only_field(TableKind::enterprises, "X").canonical == "x");
}

TEST_CASE("configuration mappings win over aliases", "[fields]") {
  const std::vector<std::string> headers = {"税收", "实缴税金(元)", "销售额（亿元）", "绿色工厂"};
  const std::map<std::string, std::string> mapping = {
      {"tax", "实缴税金(元)"}, {"revenue", "销售额"}, {"green_factory", "绿色工厂"}};
  const Recognition r = recognize_fields(TableKind::enterprises, headers, mapping);
  const RecognizedField* tax = r.find("tax");
  REQUIRE(tax != nullptr);
  CHECK(tax->column == 1);
  CHECK(tax->matched_by == "config");
  CHECK(tax->factor == 1e-4);
  CHECK(has_warning_with(r,
                         "column 税收 also matches tax, but the configuration names "
                         "实缴税金(元); ignored"));
  // Found by its name without the unit; the header's unit still counts.
  const RecognizedField* revenue = r.find("revenue");
  REQUIRE(revenue != nullptr);
  CHECK(revenue->column == 2);
  CHECK(revenue->factor == 1e4);
  // A name that is not canonical: an extra field of the extra kind, after the canonical ones.
  const RecognizedField* extra = r.find("green_factory");
  REQUIRE(extra != nullptr);
  CHECK(extra->kind == ValueKind::boolean);
  CHECK(extra->matched_by == "config");
  CHECK(r.fields.back().canonical == "green_factory");
  CHECK(r.unknown.empty());

  const Recognition text =
      recognize_fields(TableKind::enterprises, {"备注"}, {{"remark", "备注"}}, ValueKind::text);
  CHECK(text.find("remark")->kind == ValueKind::text);
}

TEST_CASE("configuration mistakes are warnings", "[fields]") {
  const Recognition r =
      recognize_fields(TableKind::parcels, {"编号", "地块名"},
                       {{"parcel_id", "地块号"}, {"park", "编号"}, {"holder_name", "编号"}});
  CHECK(has_warning_with(r, "configured column 地块号 for parcel_id not found"));
  CHECK(has_warning_with(r, "configured column 编号 is already used; not also for park"));
  CHECK(r.find("holder_name")->column == 0);  // std::map order: holder_name before park
  CHECK(r.find("parcel_id") == nullptr);
  CHECK(r.unknown == std::vector<std::string>{"地块名"});
}

TEST_CASE("noise headers do not break recognition", "[fields]") {
  const std::string_view pieces[] = {"(",  ")",   "（",   "）",   "[",    "]",
                                     "【", "】",  "/",    "／",   " ",    "万",
                                     "元", "kWh", "税收", "\xEF", "\x80", "\u3000"};
  std::uint32_t x = 15;
  const auto next = [&x] { return x = x * 1664525u + 1013904223u; };
  std::vector<std::string> headers;
  for (int i = 0; i < 3000; ++i) {
    std::string h;
    for (std::uint32_t k = next() >> 29; k > 0; --k) h += pieces[(next() >> 8) % std::size(pieces)];
    const Header parsed = parse_header(h);
    CHECK(parsed.name.size() <= h.size() + 8);
    headers.push_back(h);
  }
  const Recognition r = recognize_fields(TableKind::enterprises, headers, {{"tax", ")"}});
  CHECK(r.fields.size() + r.unknown.size() <= headers.size());
}
