#include <stdexcept>

#include "io/number_text.hpp"
#include "io/pending_file.hpp"
#include "io/text_sink.hpp"
#include "io/write_outputs.hpp"

namespace muyield::io {

std::string neutralise_formula(std::string text) {
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                        text[0] == '\t' || text[0] == '\r'))
    text.insert(text.begin(), '\'');
  return text;
}

namespace {

// RFC 4180: quoted only when the cell holds a comma, a quote or a line break; quotes doubled.
void append_cell(std::string& out, std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    out.append(text);
    return;
  }
  out.push_back('"');
  for (char c : text) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

}  // namespace

void write_csv(const std::string& path, const OutputRows& rows, int threads) {
  PendingFile pending(path);
  {
    TextSink sink(pending.temp_path());
    const std::vector<Column>& columns = rows.columns();
    std::string header = "\xEF\xBB\xBF";  // BOM: Excel then reads UTF-8
    for (std::size_t k = 0; k < columns.size(); ++k) {
      if (k) header.push_back(',');
      append_cell(header, columns[k].key);
    }
    header.append("\r\n");
    sink.write(header);
    write_blocks(sink, rows.size(), threads,
                 [&](std::size_t begin, std::size_t end, std::string& out) {
                   std::vector<Value> row;
                   for (std::size_t i = begin; i < end; ++i) {
                     rows.fill(i, row);
                     for (std::size_t k = 0; k < columns.size(); ++k) {
                       if (k) out.push_back(',');
                       const Value& v = row[k];
                       if (v.empty) continue;
                       if (columns[k].type == ColumnType::text)
                         append_cell(out, neutralise_formula(v.text));
                       else
                         append_number(out, v.number);
                     }
                     out.append("\r\n");
                   }
                 });
    sink.close();
  }
  pending.commit();
}

}  // namespace muyield::io
