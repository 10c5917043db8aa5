// Which text encoding a shapefile's attributes use (DATA.md: GBK shapefiles are the norm).
// Order: explicit option, then the .cpg file, then the DBF code-page byte, then detection on
// the attribute bytes (valid UTF-8 → UTF-8, otherwise GBK/CP936). Detection reads the field
// names and up to 2000 records (4 MB) of character fields. A code-page byte the bytes contradict
// is overridden (a single-byte code page on GBK Chinese → CP936; anything but UTF-8 on valid
// multi-byte UTF-8 → UTF-8), with a note. A .cpg is trusted; a contradiction only gives a note.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace muyield::io {

struct EncodingDecision {
  // Value for GDAL's Shapefile ENCODING open option: "CP936" (GBK, GB2312), "GB18030", "UTF-8",
  // "CP1252", "CP437", "ISO-8859-1", … (iconv names; an --encoding GDAL does not know is passed
  // on).
  std::string encoding;
  // "option", "cpg", "code-page byte", "detected", or "default" (CP936 when nothing could tell:
  // no readable .dbf, or no non-ASCII text in it).
  std::string source;
  std::string note;  // e.g. why a declared encoding was overridden; empty when none
};

// `shp_path` is the .shp (or .dbf) path, also through /vsi paths; `explicit_encoding` is the
// user's --encoding (empty = none). Never throws for a missing/short .dbf: falls back to detection
// on what can be read, and to CP936 when nothing can.
EncodingDecision decide_shapefile_encoding(const std::string& shp_path,
                                           const std::string& explicit_encoding);

// The pieces, for tests: a .cpg's text ("GBK", "ANSI 936", "65001", "UTF-8", "CP936", …) and a
// DBF language-driver byte (0x4D → CP936, 0x57 → CP1252, 0x00 → none, …), mapped to an encoding
// name GDAL accepts; nullopt when unknown / not stated. GB18030 stays GB18030 (a superset of
// GBK with four-byte characters CP936 cannot decode).
std::optional<std::string> encoding_from_cpg(std::string_view cpg_text);
std::optional<std::string> encoding_from_code_page_byte(unsigned char ldid);
// Is every byte sequence valid UTF-8 (and is there any non-ASCII)? Is it valid GBK double-byte?
bool is_valid_utf8(std::string_view bytes);
bool has_non_ascii(std::string_view bytes);
bool is_valid_gbk(std::string_view bytes);

}  // namespace muyield::io
