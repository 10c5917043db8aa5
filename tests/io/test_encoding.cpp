#include <cpl_vsi.h>
#include <gdal.h>
#include <ogr_api.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "io/encoding.hpp"

using namespace muyield::io;

namespace {

const std::string kFixtures = std::string(MUYIELD_TEST_DIR) + "/fixtures/encoding/";

// 银城园区 in GBK (as Python's str.encode("gbk") gives it).
const std::string kGbkPark = "\xD2\xF8\xB3\xC7\xD4\xB0\xC7\xF8";
const std::string kHolder = "江西德佑生物科技有限公司";

// A DBF of character fields, written to a /vsimem/ path; rows are raw bytes, space-padded.
struct Field {
  std::string name;
  int width;
};
std::string dbf_bytes(unsigned char ldid, const std::vector<Field>& fields,
                      const std::vector<std::vector<std::string>>& rows) {
  const auto le16 = [](std::string& s, unsigned v) {
    s += static_cast<char>(v & 0xFF);
    s += static_cast<char>(v >> 8);
  };
  unsigned record_len = 1;
  for (const Field& f : fields) record_len += f.width;
  std::string s = {0x03, 124, 1, 1};
  const auto n = static_cast<std::uint32_t>(rows.size());
  le16(s, n & 0xFFFF);
  le16(s, n >> 16);
  le16(s, 32 + 32 * fields.size() + 1);
  le16(s, record_len);
  s.resize(29, '\0');
  s += static_cast<char>(ldid);
  s.resize(32, '\0');
  for (const Field& f : fields) {
    std::string d = f.name;
    d.resize(11, '\0');
    d += 'C';
    d.resize(16, '\0');
    d += static_cast<char>(f.width);
    d.resize(32, '\0');
    s += d;
  }
  s += '\x0D';
  for (const auto& row : rows) {
    s += ' ';
    for (std::size_t i = 0; i < fields.size(); ++i) {
      std::string v = row.at(i).substr(0, fields[i].width);
      v.resize(fields[i].width, ' ');
      s += v;
    }
  }
  s += '\x1A';
  return s;
}

void write_vsimem(const std::string& path, const std::string& bytes) {
  VSILFILE* f = VSIFOpenL(path.c_str(), "wb");
  REQUIRE(f != nullptr);
  REQUIRE(VSIFWriteL(bytes.data(), 1, bytes.size(), f) == bytes.size());
  VSIFCloseL(f);
}

// The first feature's value of `field` with the shapefile opened as `encoding` says; "" when
// the field is not found (its name did not decode either).
std::string first_value(const std::string& path, const std::string& encoding,
                        const std::string& field) {
  GDALAllRegister();
  const std::string option = "ENCODING=" + encoding;
  const char* const options[] = {option.c_str(), nullptr};
  GDALDatasetH ds = GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                               encoding.empty() ? nullptr : options, nullptr);
  REQUIRE(ds != nullptr);
  OGRLayerH layer = GDALDatasetGetLayer(ds, 0);
  REQUIRE(layer != nullptr);
  OGRFeatureH feature = OGR_L_GetNextFeature(layer);
  REQUIRE(feature != nullptr);
  const int index = OGR_F_GetFieldIndex(feature, field.c_str());
  std::string value = index >= 0 ? OGR_F_GetFieldAsString(feature, index) : "";
  OGR_F_Destroy(feature);
  GDALClose(ds);
  return value;
}

}  // namespace

TEST_CASE(".cpg texts map to GDAL encoding names", "[encoding]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"GBK", "CP936"},
      {"gbk\r\n", "CP936"},
      {"936", "CP936"},
      {"CP936", "CP936"},
      {"cp936", "CP936"},
      {"GB2312", "CP936"},
      {"ANSI 936", "CP936"},
      {" ANSI 936 \n", "CP936"},
      {"GB18030", "GB18030"},
      {"65001", "UTF-8"},
      {"UTF-8", "UTF-8"},
      {"utf8", "UTF-8"},
      {"\xEF\xBB\xBFUTF-8\n", "UTF-8"},
      {"8859-1", "ISO-8859-1"},
      {"88591", "ISO-8859-1"},
      {"ISO-8859-5", "ISO-8859-5"},
      {"ISO8859_15", "ISO-8859-15"},
      {"ANSI 1252", "CP1252"},
      {"1252", "CP1252"},
      {"Windows-1252", "CP1252"},
      {"437", "CP437"},
      {"BIG5", "CP950"},
      {"ANSI 950", "CP950"},
      {"1251", "CP1251"},
  };
  for (const auto& [text, expected] : cases) {
    INFO("cpg: '" << text << "'");
    CHECK(encoding_from_cpg(text) == expected);
  }
  for (const char* text : {"", "   ", "foo", "12345", "8859-99", "ANSI"}) {
    INFO("cpg: '" << text << "'");
    CHECK_FALSE(encoding_from_cpg(text).has_value());
  }
}

TEST_CASE("DBF code-page bytes map to GDAL encoding names", "[encoding]") {
  CHECK(encoding_from_code_page_byte(0x4D) == "CP936");
  CHECK(encoding_from_code_page_byte(0x7A) == "CP936");
  CHECK(encoding_from_code_page_byte(0x57) == "CP1252");
  CHECK(encoding_from_code_page_byte(0x58) == "CP1252");
  CHECK(encoding_from_code_page_byte(0x03) == "CP1252");
  CHECK(encoding_from_code_page_byte(0x01) == "CP437");
  CHECK(encoding_from_code_page_byte(0x4F) == "CP950");
  CHECK(encoding_from_code_page_byte(0xC9) == "CP1251");
  CHECK_FALSE(encoding_from_code_page_byte(0x00).has_value());  // not stated
  CHECK_FALSE(encoding_from_code_page_byte(0xFF).has_value());
}

TEST_CASE("UTF-8 and GBK byte checks", "[encoding]") {
  CHECK(is_valid_utf8("银城园区"));
  CHECK(is_valid_utf8("ZDDM 360902"));
  CHECK(is_valid_utf8(""));
  CHECK_FALSE(is_valid_utf8(kGbkPark));
  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
  CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  CHECK_FALSE(is_valid_utf8("\xE9\x93"));          // 银 cut in two
  CHECK(has_non_ascii("银"));
  CHECK_FALSE(has_non_ascii("ZDDM"));

  CHECK(is_valid_gbk(kGbkPark));
  CHECK(is_valid_gbk("\xBD\xAD\xCE\xF7 ABC"));  // 江西 ABC
  CHECK(is_valid_gbk("ascii only"));
  CHECK_FALSE(is_valid_gbk("\xD2"));              // lead byte without its trail
  CHECK_FALSE(is_valid_gbk("\x80\x41"));          // 0x80 is no GBK lead byte
  CHECK_FALSE(is_valid_gbk("\xD2\x7F"));          // 0x7F is no trail byte
  CHECK_FALSE(is_valid_gbk("\x81\x39\xEE\x39"));  // 㐀 in GB 18030 four bytes: not GBK
  // 银城 in UTF-8 pairs up as GBK (E9 93, B6 E5, 9F 8E): why detection asks UTF-8 first.
  CHECK(is_valid_gbk("\xE9\x93\xB6\xE5\x9F\x8E"));
}

TEST_CASE("each encoding fixture is decided right and reads back as UTF-8", "[encoding]") {
  struct Case {
    const char* name;
    const char* encoding;
    const char* source;
    bool note;
  };
  const Case cases[] = {
      {"gbk_cpg", "CP936", "cpg", false},         {"gbk_nocpg", "CP936", "detected", false},
      {"gbk_ldid57", "CP936", "detected", true},  {"gbk_ldid4d", "CP936", "code-page byte", false},
      {"utf8_cpg65001", "UTF-8", "cpg", false},   {"utf8_nocpg", "UTF-8", "detected", false},
      {"utf8_ldid4d", "UTF-8", "detected", true},
  };
  for (const Case& c : cases) {
    INFO("fixture: " << c.name);
    const std::string shp = kFixtures + c.name + ".shp";
    const EncodingDecision d = decide_shapefile_encoding(shp, "");
    INFO("note: " << d.note);
    CHECK(d.encoding == c.encoding);
    CHECK(d.source == c.source);
    CHECK(d.note.empty() != c.note);
    // End to end: the field names and values decode with the decision.
    CHECK(first_value(shp, d.encoding, "权利人") == kHolder);
    CHECK(first_value(shp, d.encoding, "园区") == "银城园区");
    CHECK(first_value(shp, d.encoding, "ZDDM") == "360902001001GB00001");
  }
  // And the overridden byte was really wrong: GDAL trusting 0x57 alone gives mojibake.
  CHECK(first_value(kFixtures + "gbk_ldid57.shp", "", "ZDDM") == "360902001001GB00001");
  CHECK(first_value(kFixtures + "gbk_ldid57.shp", "", "权利人") != kHolder);
  CHECK(first_value(kFixtures + "gbk_ldid57.shp", "CP1252", "权利人") != kHolder);
}

TEST_CASE("the notes say what was overridden", "[encoding]") {
  const EncodingDecision gbk = decide_shapefile_encoding(kFixtures + "gbk_ldid57.shp", "");
  CHECK(gbk.note.find("0x57 says CP1252") != std::string::npos);
  CHECK(gbk.note.find("GBK Chinese; using CP936") != std::string::npos);
  const EncodingDecision utf8 = decide_shapefile_encoding(kFixtures + "utf8_ldid4d.shp", "");
  CHECK(utf8.note.find("0x4D says CP936") != std::string::npos);
  CHECK(utf8.note.find("valid UTF-8") != std::string::npos);
}

TEST_CASE("the .cpg is read through /vsizip/", "[encoding]") {
  const std::string shp = "/vsizip/" + kFixtures + "gbk_cpg.zip/gbk_cpg.shp";
  const EncodingDecision d = decide_shapefile_encoding(shp, "");
  CHECK(d.encoding == "CP936");
  CHECK(d.source == "cpg");
  CHECK(first_value(shp, d.encoding, "权利人") == kHolder);
  // The .dbf path works as well as the .shp path.
  CHECK(decide_shapefile_encoding(kFixtures + "gbk_nocpg.dbf", "").encoding == "CP936");
}

TEST_CASE("an explicit encoding wins", "[encoding]") {
  const std::string shp = kFixtures + "utf8_nocpg.shp";
  const EncodingDecision d = decide_shapefile_encoding(shp, "gbk");
  CHECK(d.encoding == "CP936");
  CHECK(d.source == "option");
  CHECK(d.note.empty());
  CHECK(decide_shapefile_encoding(shp, " utf8 ").encoding == "UTF-8");
  CHECK(decide_shapefile_encoding(shp, "EUC-TW").encoding == "EUC-TW");  // passed on to GDAL
  CHECK(decide_shapefile_encoding(shp, "  ").source == "detected");      // blank = none
}

TEST_CASE("missing, short and garbled files do not crash", "[encoding]") {
  const EncodingDecision missing = decide_shapefile_encoding("/vsimem/enc/none/missing.shp", "");
  CHECK(missing.encoding == "CP936");
  CHECK(missing.source == "default");
  CHECK(missing.note.find("could not read") != std::string::npos);

  write_vsimem("/vsimem/enc/short.dbf", "\x03\x7C\x01");
  CHECK(decide_shapefile_encoding("/vsimem/enc/short.shp", "").source == "default");

  // A header that promises a billion records of 65535 bytes, and then ends.
  std::string liar = dbf_bytes(0x00, {{"QLR", 40}}, {{"江西德佑生物科技有限公司"}});
  liar[4] = liar[5] = liar[6] = '\x7F';
  liar[10] = liar[11] = '\xFF';
  write_vsimem("/vsimem/enc/liar.dbf", liar);
  CHECK_FALSE(decide_shapefile_encoding("/vsimem/enc/liar.shp", "").encoding.empty());

  // A header length below 32, field widths past the record: still an answer.
  std::string bent = dbf_bytes(0x4D, {{"QLR", 200}}, {{kGbkPark}});
  bent[8] = 4;
  bent[9] = 0;
  write_vsimem("/vsimem/enc/bent.dbf", bent);
  CHECK(decide_shapefile_encoding("/vsimem/enc/bent.shp", "").encoding == "CP936");

  // Deterministic noise of many lengths.
  std::uint32_t x = 12345;
  for (int len = 0; len < 400; len += 7) {
    std::string noise(len, '\0');
    for (char& c : noise) {
      x = x * 1664525u + 1013904223u;
      c = static_cast<char>(x >> 24);
    }
    write_vsimem("/vsimem/enc/noise.dbf", noise);
    const EncodingDecision d = decide_shapefile_encoding("/vsimem/enc/noise.shp", "");
    CHECK_FALSE(d.encoding.empty());
  }
  VSIRmdirRecursive("/vsimem/enc");
}

TEST_CASE("decisions on hand-made DBFs", "[encoding]") {
  const auto decide = [](const std::string& name, const std::string& dbf) {
    write_vsimem("/vsimem/enc2/" + name + ".dbf", dbf);
    return decide_shapefile_encoding("/vsimem/enc2/" + name + ".shp", "");
  };
  SECTION("a byte for CP1252 on real CP1252 text stands") {
    // Müller: 4D FC 6C 6C 65 72; "FC 6C" pairs up as GBK, but not as a Chinese character.
    const auto d = decide("latin", dbf_bytes(0x57, {{"NAME", 20}}, {{"M\xFCller"}, {"Caf\xE9"}}));
    CHECK(d.encoding == "CP1252");
    CHECK(d.source == "code-page byte");
    CHECK(d.note.empty());
  }
  SECTION("a byte for CP437 on UTF-8 text is overridden") {
    const auto d = decide("cp437", dbf_bytes(0x01, {{"YQMC", 20}}, {{"银城园区"}}));
    CHECK(d.encoding == "UTF-8");
    CHECK(d.source == "detected");
    CHECK(d.note.find("0x01 says CP437") != std::string::npos);
  }
  SECTION("a byte for CP437 on GBK text is overridden") {
    const auto d = decide("cp437gbk", dbf_bytes(0x01, {{"YQMC", 20}}, {{kGbkPark}}));
    CHECK(d.encoding == "CP936");
    CHECK_FALSE(d.note.empty());
  }
  SECTION("GB 18030 four-byte characters ask for GB18030") {
    const auto d =
        decide("gb18030", dbf_bytes(0x57, {{"QLR", 20}}, {{"\x81\x39\xEE\x39" + kGbkPark}}));
    CHECK(d.encoding == "GB18030");
    CHECK(d.source == "detected");
  }
  SECTION("UTF-8 cut at the field width is still UTF-8") {
    // An 11-byte field full: 银城园 (9 bytes) and the first 2 of the 3 bytes of 区.
    const std::string cut = std::string("银城园区").substr(0, 11);
    const auto d = decide("cut", dbf_bytes(0x00, {{"YQMC", 11}}, {{cut}}));
    CHECK(d.encoding == "UTF-8");
    CHECK(d.source == "detected");
  }
  SECTION("a cut character short of the field width is no UTF-8") {
    const std::string cut = std::string("银城园区").substr(0, 11);
    const auto d = decide("notcut", dbf_bytes(0x00, {{"YQMC", 20}}, {{cut}}));
    CHECK(d.encoding == "CP936");
  }
  SECTION("Chinese field names alone are evidence") {
    const auto d = decide("names", dbf_bytes(0x00, {{"\xD4\xB0\xC7\xF8", 10}}, {{"A1"}}));
    CHECK(d.encoding == "CP936");
    CHECK(d.source == "detected");
  }
  SECTION("only ASCII: CP936 by default, said so") {
    const auto d = decide("ascii", dbf_bytes(0x00, {{"ZDDM", 20}}, {{"360902001001GB00001"}}));
    CHECK(d.encoding == "CP936");
    CHECK(d.source == "default");
    CHECK(d.note.find("no non-ASCII text") != std::string::npos);
  }
  SECTION("text neither UTF-8 nor GBK") {
    const auto d = decide("junk", dbf_bytes(0x00, {{"X", 10}}, {{"\x80\xFF\x80"}}));
    CHECK(d.encoding == "CP936");
    CHECK(d.source == "detected");
    CHECK(d.note.find("neither valid UTF-8 nor GBK") != std::string::npos);
  }
  SECTION("a .cpg is trusted, with a note when the bytes disagree") {
    write_vsimem("/vsimem/enc2/doubt.cpg", "UTF-8");
    const auto d = decide("doubt", dbf_bytes(0x00, {{"YQMC", 20}}, {{kGbkPark}}));
    CHECK(d.encoding == "UTF-8");
    CHECK(d.source == "cpg");
    CHECK(d.note.find("looks like GBK") != std::string::npos);
  }
  SECTION("an unknown .cpg is passed over, with a note") {
    write_vsimem("/vsimem/enc2/odd.cpg", "foo");
    const auto d = decide("odd", dbf_bytes(0x4D, {{"YQMC", 20}}, {{kGbkPark}}));
    CHECK(d.encoding == "CP936");
    CHECK(d.source == "code-page byte");
    CHECK(d.note.find("unknown .cpg text 'foo'") != std::string::npos);
  }
  SECTION("an upper-case .CPG is found") {
    write_vsimem("/vsimem/enc2/upper.CPG", "65001");
    const auto d = decide("upper", dbf_bytes(0x00, {{"YQMC", 20}}, {{"银城园区"}}));
    CHECK(d.source == "cpg");
    CHECK(d.encoding == "UTF-8");
  }
  VSIRmdirRecursive("/vsimem/enc2");
}
