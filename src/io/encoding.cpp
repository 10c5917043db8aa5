#include "io/encoding.hpp"

#include <cpl_vsi.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>

#include "io/values.hpp"

namespace muyield::io {

namespace {

constexpr const char* kUtf8 = "UTF-8";
constexpr const char* kCp936 = "CP936";
constexpr const char* kGb18030 = "GB18030";

// How much of a .dbf detection reads: enough records to meet the Chinese ones, not the whole file.
constexpr std::size_t kSampleRecords = 2000;
constexpr std::size_t kSampleBytes = 4 << 20;

std::string upper_ascii(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; });
  return out;
}

bool strip_prefix(std::string& s, std::string_view prefix) {
  if (!s.starts_with(prefix)) return false;
  s.erase(0, prefix.size());
  return true;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Windows and DOS code pages an iconv-backed GDAL decodes as "CP<n>".
bool known_code_page(int n) {
  static constexpr int kPages[] = {437,  737,  775,  850,  852,  855,  857,  860,  861, 862,
                                   863,  864,  865,  866,  869,  874,  932,  936,  949, 950,
                                   1250, 1251, 1252, 1253, 1254, 1255, 1256, 1257, 1258};
  return std::find(std::begin(kPages), std::end(kPages), n) != std::end(kPages);
}

std::optional<std::string> encoding_from_number(int n) {
  if (n == 65001) return kUtf8;
  if (n == 54936) return kGb18030;
  if (known_code_page(n)) return "CP" + std::to_string(n);
  return std::nullopt;
}

// Language driver ids (DBF header byte 29) as ArcGIS writes them, with their code pages.
struct Ldid {
  unsigned char id;
  int code_page;
};
constexpr Ldid kLdids[] = {
    {0x01, 437},
    {0x02, 850},
    {0x03, 1252},
    {0x08, 865},
    {0x09, 437},
    {0x0A, 850},
    {0x0B, 437},
    {0x0D, 437},
    {0x0E, 850},
    {0x0F, 437},
    {0x10, 850},
    {0x11, 437},
    {0x12, 850},
    {0x13, 932},
    {0x14, 850},
    {0x15, 437},
    {0x16, 850},
    {0x17, 865},
    {0x18, 437},
    {0x19, 437},
    {0x1A, 850},
    {0x1B, 437},
    {0x1C, 863},
    {0x1D, 850},
    {0x1F, 852},
    {0x22, 852},
    {0x23, 852},
    {0x24, 860},
    {0x25, 850},
    {0x26, 866},
    {0x37, 850},
    {0x40, 852},
    {0x4D, 936},
    {0x4E, 949},
    {0x4F, 950},
    {0x50, 874},
    // 0x57 is "ANSI", the writer's system code page: CP1252 in the West, but on Chinese Windows
    // it is really 936, which is why detection may override it.
    {0x57, 1252},
    {0x58, 1252},
    {0x59, 1252},
    {0x64, 852},
    {0x65, 866},
    {0x66, 865},
    {0x67, 861},
    {0x6A, 737},
    {0x6B, 857},
    {0x6C, 863},
    {0x78, 950},
    {0x79, 949},
    {0x7A, 936},
    {0x7B, 932},
    {0x7C, 874},
    {0x7D, 1255},
    {0x7E, 1256},
    {0x86, 737},
    {0x87, 852},
    {0x88, 857},
    {0xC8, 1250},
    {0xC9, 1251},
    {0xCA, 1254},
    {0xCB, 1253},
    {0xCC, 1257},
};

bool multibyte(std::string_view encoding) {
  for (std::string_view e : {kUtf8, kCp936, kGb18030, "CP932", "CP949", "CP950"}) {
    if (encoding == e) return true;
  }
  return false;
}

enum class Check { valid, cut, invalid };  // cut: valid but for an incomplete last character

Check check_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    // Second-byte bounds exclude overlong forms, surrogates and code points above U+10FFFF.
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return Check::invalid;
    }
    for (std::size_t k = 1; k < len; ++k) {
      if (i + k >= s.size()) return Check::cut;
      const auto b = static_cast<unsigned char>(s[i + k]);
      if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) return Check::invalid;
    }
    i += len;
  }
  return Check::valid;
}

struct GbScan {
  Check check = Check::valid;
  std::size_t pairs = 0;      // double-byte characters
  std::size_t hanzi = 0;      // of which in the GB 2312 block (A1–F7 × A1–FE): Chinese text
  std::size_t four_byte = 0;  // GB 18030 four-byte sequences (not GBK)
};

bool in(unsigned char b, unsigned char lo, unsigned char hi) { return b >= lo && b <= hi; }

GbScan scan_gb(std::string_view s) {
  GbScan r;
  const auto at = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = at(i);
    if (c < 0x80) {
      ++i;
      continue;
    }
    if (!in(c, 0x81, 0xFE)) return r.check = Check::invalid, r;
    if (i + 1 >= s.size()) return r.check = Check::cut, r;
    const unsigned char b = at(i + 1);
    if (in(b, 0x40, 0xFE) && b != 0x7F) {
      ++r.pairs;
      if (in(c, 0xA1, 0xF7) && in(b, 0xA1, 0xFE)) ++r.hanzi;
      i += 2;
    } else if (in(b, 0x30, 0x39)) {
      if (i + 3 >= s.size()) return r.check = Check::cut, r;
      if (!in(at(i + 2), 0x81, 0xFE) || !in(at(i + 3), 0x30, 0x39)) {
        return r.check = Check::invalid, r;
      }
      ++r.four_byte;
      i += 4;
    } else {
      return r.check = Check::invalid, r;
    }
  }
  return r;
}

// What the character data of a .dbf says about its encoding.
struct Evidence {
  bool non_ascii = false;
  bool utf8 = true;  // every non-ASCII value is valid UTF-8
  bool gb = true;    // every non-ASCII value is valid GBK / GB 18030
  std::size_t pairs = 0, hanzi = 0, four_byte = 0;

  // `may_be_cut`: the value fills its field, so its writer may have cut a character in two.
  void add(std::string_view value, bool may_be_cut) {
    if (!has_non_ascii(value)) return;
    non_ascii = true;
    const auto ok = [&](Check c) { return c == Check::valid || (c == Check::cut && may_be_cut); };
    utf8 = utf8 && ok(check_utf8(value));
    const GbScan g = scan_gb(value);
    gb = gb && ok(g.check);
    pairs += g.pairs;
    hanzi += g.hanzi;
    four_byte += g.four_byte;
  }
  bool is_utf8() const { return non_ascii && utf8; }
  bool is_gb() const { return non_ascii && gb; }
  // GB text that is mostly Chinese characters, not Latin accents that happen to pair up.
  bool is_chinese_gb() const {
    return is_gb() && (pairs > 0 || four_byte > 0) && hanzi * 2 >= pairs;
  }
  const char* gb_name() const { return four_byte > 0 ? kGb18030 : kCp936; }
};

struct DbfSample {
  bool readable = false;  // at least the 32-byte header was read
  unsigned char ldid = 0;
  Evidence evidence;
};

unsigned le16(const unsigned char* p) { return p[0] | (p[1] << 8u); }
std::uint32_t le32(const unsigned char* p) {
  return p[0] | (p[1] << 8u) | (p[2] << 16u) | (static_cast<std::uint32_t>(p[3]) << 24u);
}

struct CharField {
  std::size_t offset, width;
};

// Reads the header, the field names and a sample of records. Whatever is short or garbled is
// simply not sampled: a broken file still yields what could be read.
DbfSample sample_dbf(const std::string& path) {
  DbfSample sample;
  VSILFILE* f = VSIFOpenL(path.c_str(), "rb");
  if (f == nullptr) return sample;
  std::vector<unsigned char> head(32);
  if (VSIFReadL(head.data(), 1, head.size(), f) != head.size()) {
    VSIFCloseL(f);
    return sample;
  }
  sample.readable = true;
  sample.ldid = head[29];
  const std::size_t records = le32(&head[4]);
  const std::size_t header_len = std::max<std::size_t>(le16(&head[8]), 32);
  const std::size_t record_len = le16(&head[10]);
  const std::size_t body = std::min(std::min(records, kSampleRecords) * record_len, kSampleBytes);
  head.resize(header_len + body);
  head.resize(32 + VSIFReadL(head.data() + 32, 1, head.size() - 32, f));
  VSIFCloseL(f);

  std::vector<CharField> fields;
  std::size_t offset = 1;  // after the deletion flag
  for (std::size_t d = 32; d + 32 <= std::min(header_len, head.size()) && head[d] != 0x0D;
       d += 32) {
    const unsigned char* p = &head[d];
    const auto name = reinterpret_cast<const char*>(p);
    sample.evidence.add(std::string_view(name, strnlen(name, 11)), true);
    const bool numeric = p[11] == 'N' || p[11] == 'F';
    const std::size_t width = numeric ? p[16] : p[16] + (p[17] << 8u);
    if (p[11] == 'C' && offset + width <= record_len) fields.push_back({offset, width});
    offset += width;
  }
  for (std::size_t r = 0; r < records && r < kSampleRecords; ++r) {
    const std::size_t start = header_len + r * record_len;
    if (record_len == 0 || start + record_len > head.size()) break;
    const std::string_view record(reinterpret_cast<const char*>(&head[start]), record_len);
    for (const CharField& field : fields) {
      std::string_view value = record.substr(field.offset, field.width);
      while (!value.empty() && (value.back() == ' ' || value.back() == '\0')) {
        value.remove_suffix(1);
      }
      sample.evidence.add(value, value.size() == field.width);
    }
  }
  return sample;
}

std::optional<std::string> read_small_file(const std::string& path) {
  VSILFILE* f = VSIFOpenL(path.c_str(), "rb");
  if (f == nullptr) return std::nullopt;
  std::string text(256, '\0');
  text.resize(VSIFReadL(text.data(), 1, text.size(), f));
  VSIFCloseL(f);
  return text;
}

// x.shp → x.cpg (or x.CPG when that is the one that exists); also through /vsizip/.
std::string sibling(const std::string& path, std::string_view ext) {
  const auto slash = path.find_last_of("/\\");
  const auto dot = path.rfind('.');
  const std::string base = dot != std::string::npos && (slash == std::string::npos || dot > slash)
                               ? path.substr(0, dot)
                               : path;
  const std::string lower = base + "." + std::string(ext);
  const std::string upper = base + "." + upper_ascii(ext);
  VSIStatBufL st;
  if (VSIStatL(lower.c_str(), &st) != 0 && VSIStatL(upper.c_str(), &st) == 0) return upper;
  return lower;
}

bool exists(const std::string& path) {
  VSIStatBufL st;
  return VSIStatL(path.c_str(), &st) == 0;
}

std::string hex_byte(unsigned char b) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", b);
  return buf;
}

// A .cpg wins, but a planner should hear when the bytes disagree with it.
std::string cpg_doubt(const std::string& encoding, const Evidence& ev) {
  if (encoding == kUtf8 && ev.non_ascii && !ev.utf8) {
    return std::string(".cpg 写的是 UTF-8，但内容不是有效的 UTF-8") +
           (ev.is_chinese_gb() ? "（像 GBK）" : "") +
           " / the .cpg says UTF-8 but the text is not valid UTF-8" +
           (ev.is_chinese_gb() ? " (it looks like GBK; try --encoding CP936)" : "");
  }
  if (encoding != kUtf8 && ev.is_utf8()) {
    return ".cpg 写的是 " + encoding + "，但内容是有效的 UTF-8 / the .cpg says " + encoding +
           " but the text is valid UTF-8 (try --encoding UTF-8 if names look wrong)";
  }
  return "";
}

std::string joined(std::string a, const std::string& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return a + "; " + b;
}

EncodingDecision from_detection(const Evidence& ev, const std::string& note) {
  if (!ev.non_ascii) {
    return {kCp936, "default",
            joined(note,
                   "没有非 ASCII 文字可供判断，按 CP936 (GBK) 读取 / no non-ASCII text to "
                   "detect from; assumed CP936 (GBK)")};
  }
  if (ev.is_utf8()) return {kUtf8, "detected", note};
  if (ev.is_gb()) return {ev.gb_name(), "detected", note};
  return {kCp936, "detected",
          joined(note,
                 "内容既不是有效的 UTF-8 也不是 GBK，按 CP936 读取，部分文字可能有误 / text is "
                 "neither valid UTF-8 nor GBK; read as CP936, some characters may be wrong")};
}

}  // namespace

std::optional<std::string> encoding_from_cpg(std::string_view cpg_text) {
  std::string key = upper_ascii(trim_view(cpg_text));
  std::erase(key, '\0');
  if (key == "UTF-8" || key == "UTF8") return kUtf8;
  if (key == "GBK" || key == "GB2312" || key == "EUC-CN" || key == "GB_2312-80") return kCp936;
  if (key == "GB18030") return kGb18030;
  if (key == "BIG5") return "CP950";
  if (key == "SJIS" || key == "SHIFT_JIS") return "CP932";
  if (key == "EUC-KR") return "CP949";
  if (key == "LATIN1") return "ISO-8859-1";
  // ISO 8859 parts: "8859-1", "88591", "ISO-8859-1", "ISO8859_1", …
  std::string iso = key;
  strip_prefix(iso, "ISO");
  if (!iso.empty() && (iso[0] == '-' || iso[0] == '_')) iso.erase(0, 1);
  if (strip_prefix(iso, "8859")) {
    if (!iso.empty() && (iso[0] == '-' || iso[0] == '_')) iso.erase(0, 1);
    if (all_digits(iso) && iso.size() <= 2 && std::stoi(iso) >= 1 && std::stoi(iso) <= 16) {
      return "ISO-8859-" + std::to_string(std::stoi(iso));
    }
    return std::nullopt;
  }
  // Code page numbers: "936", "ANSI 936", "CP936", "WINDOWS-1252", "65001", …
  for (std::string_view prefix : {"ANSI ", "ANSI_", "CP", "WINDOWS-", "MS", "IBM", "OEM "}) {
    if (strip_prefix(key, prefix)) break;
  }
  key = std::string(trim_view(key));
  if (all_digits(key) && key.size() <= 5) return encoding_from_number(std::stoi(key));
  return std::nullopt;
}

std::optional<std::string> encoding_from_code_page_byte(unsigned char ldid) {
  for (const Ldid& l : kLdids) {
    if (l.id == ldid) return encoding_from_number(l.code_page);
  }
  return std::nullopt;
}

bool is_valid_utf8(std::string_view bytes) { return check_utf8(bytes) == Check::valid; }

bool has_non_ascii(std::string_view bytes) {
  return std::any_of(bytes.begin(), bytes.end(),
                     [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

bool is_valid_gbk(std::string_view bytes) {
  const GbScan s = scan_gb(bytes);
  return s.check == Check::valid && s.four_byte == 0;
}

EncodingDecision decide_shapefile_encoding(const std::string& shp_path,
                                           const std::string& explicit_encoding) {
  if (const std::string_view given = trim_view(explicit_encoding); !given.empty()) {
    // Known spellings become GDAL's; anything else goes to GDAL (iconv) as given.
    return {encoding_from_cpg(given).value_or(std::string(given)), "option", ""};
  }
  const std::string dbf = sibling(shp_path, "dbf");
  const DbfSample sample = sample_dbf(dbf);
  const Evidence& ev = sample.evidence;

  std::string note;
  if (const std::string cpg = sibling(shp_path, "cpg"); exists(cpg)) {
    const std::string text = read_small_file(cpg).value_or("");
    if (const auto declared = encoding_from_cpg(text)) {
      return {*declared, "cpg", cpg_doubt(*declared, ev)};
    }
    note = ".cpg 内容“" + std::string(trim_view(text)) + "”无法识别，已忽略 / unknown .cpg text '" +
           std::string(trim_view(text)) + "' ignored";
  }
  if (!sample.readable) {
    return {kCp936, "default",
            joined(note, "无法读取 " + dbf + "，按 CP936 (GBK) 读取 / could not read " + dbf +
                             "; assumed CP936 (GBK)")};
  }
  const auto declared = encoding_from_code_page_byte(sample.ldid);
  if (!declared) return from_detection(ev, note);

  const std::string byte = "DBF 代码页字节 " + hex_byte(sample.ldid) + " (" + *declared + ")";
  const std::string byte_en =
      "the DBF code-page byte " + hex_byte(sample.ldid) + " says " + *declared;
  if (ev.is_utf8() && *declared != kUtf8) {
    return {kUtf8, "detected",
            joined(note, byte + " 与内容不符，内容是有效的 UTF-8 / " + byte_en +
                             ", but the text is valid UTF-8; using UTF-8")};
  }
  if (!multibyte(*declared) && ev.is_chinese_gb()) {
    const std::string gb = ev.gb_name();
    return {gb, "detected",
            joined(note, byte + " 与内容不符，内容是 GBK 中文 / " + byte_en +
                             ", but the text is GBK Chinese; using " + gb)};
  }
  return {*declared, "code-page byte", note};
}

}  // namespace muyield::io
