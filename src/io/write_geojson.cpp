// parcels.geojson (RFC 7946) written as text: see text_sink.hpp for why not through GDAL.
#include <charconv>
#include <cmath>

#include "io/number_text.hpp"
#include "io/pending_file.hpp"
#include "io/text_sink.hpp"
#include "io/write_outputs.hpp"

namespace muyield::io {

namespace {

void append_json_string(std::string& out, std::string_view text) {
  static const char* hex = "0123456789abcdef";
  out.push_back('"');
  for (unsigned char c : text) {
    switch (c) {
      case '"':
        out.append("\\\"");
        break;
      case '\\':
        out.append("\\\\");
        break;
      case '\n':
        out.append("\\n");
        break;
      case '\r':
        out.append("\\r");
        break;
      case '\t':
        out.append("\\t");
        break;
      default:
        if (c < 0x20) {
          out.append("\\u00");
          out.push_back(hex[c >> 4]);
          out.push_back(hex[c & 15]);
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  out.push_back('"');
}

// 7 decimals of a degree (~1 cm), trailing zeros dropped: "117.5812345", "28.95".
void append_coordinate(std::string& out, double v) {
  char buf[48];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 7);
  char* end = r.ptr;
  while (end > buf && end[-1] == '0') --end;
  if (end > buf && end[-1] == '.') --end;
  if (end - buf == 2 && buf[0] == '-' && buf[1] == '0') {  // "-0"
    out.push_back('0');
    return;
  }
  out.append(buf, end);
}

double signed_area(const Ring& ring) {
  double a = 0;
  for (std::size_t i = 0; i + 1 < ring.size(); ++i)
    a += ring[i].x * ring[i + 1].y - ring[i + 1].x * ring[i].y;
  return a / 2;
}

// RFC 7946 §3.1.6: exterior rings counterclockwise, holes clockwise.
void append_ring(std::string& out, const Ring& ring, bool counterclockwise) {
  const bool reverse = (signed_area(ring) > 0) != counterclockwise;
  out.push_back('[');
  for (std::size_t k = 0; k < ring.size(); ++k) {
    const Point& p = ring[reverse ? ring.size() - 1 - k : k];
    if (k) out.push_back(',');
    out.push_back('[');
    append_coordinate(out, p.x);
    out.push_back(',');
    append_coordinate(out, p.y);
    out.push_back(']');
  }
  out.push_back(']');
}

void append_geometry(std::string& out, const MultiPolygon& geometry) {
  if (geometry.empty()) {
    out.append("null");
    return;
  }
  out.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
  for (std::size_t p = 0; p < geometry.size(); ++p) {
    if (p) out.push_back(',');
    out.push_back('[');
    append_ring(out, geometry[p].outer, true);
    for (const Ring& hole : geometry[p].holes) {
      out.push_back(',');
      append_ring(out, hole, false);
    }
    out.push_back(']');
  }
  out.append("]}");
}

}  // namespace

void write_parcels_geojson(const std::string& path, const ReviewResult& result,
                           const OutputRows& rows, int threads) {
  PendingFile pending(path);
  {
    TextSink sink(pending.temp_path());
    const std::vector<Column>& columns = rows.columns();
    std::size_t id_column = 0;
    while (id_column < columns.size() && columns[id_column].key != "parcel_id") ++id_column;
    // The core's lon/lat are CGCS2000; RFC 7946 asks for WGS 84, which CGCS2000 matches to a
    // few centimetres (no datum shift is defined between them), so they are written as they are.
    sink.write("{\"type\":\"FeatureCollection\",\"features\":[\n");
    write_blocks(
        sink, rows.size(), threads, [&](std::size_t begin, std::size_t end, std::string& out) {
          std::vector<Value> row;
          for (std::size_t i = begin; i < end; ++i) {
            rows.fill(i, row);
            if (i) out.append(",\n");
            out.append("{\"type\":\"Feature\",\"id\":");
            append_json_string(out, id_column < row.size() ? row[id_column].text : std::string());
            out.append(",\"properties\":{");
            for (std::size_t k = 0; k < columns.size(); ++k) {
              if (k) out.push_back(',');
              append_json_string(out, columns[k].key);
              out.push_back(':');
              const Value& v = row[k];
              if (v.empty || (columns[k].type != ColumnType::text && !std::isfinite(v.number)))
                out.append("null");
              else if (columns[k].type == ColumnType::text)
                append_json_string(out, v.text);
              else
                append_number(out, v.number);
            }
            out.append("},\"geometry\":");
            append_geometry(out, result.parcels[i].lonlat);
            out.push_back('}');
          }
        });
    sink.write("\n]}\n");
    sink.close();
  }
  pending.commit();
}

}  // namespace muyield::io
