#include "io/xlsx_formulas.hpp"

#include <string_view>
#include <vector>

#include "io/vsi_file.hpp"

namespace muyield::io {

namespace {

std::string read_zip_member(const std::string& path, const std::string& member) {
  return read_vsi_file("/vsizip/{" + path + "}/" + member);
}

// The value of attribute `name` in the tag that starts at `tag` (up to its '>').
std::string attribute(std::string_view xml, std::size_t tag, std::string_view name) {
  const std::size_t end = xml.find('>', tag);
  const std::string_view t = xml.substr(tag, end == std::string_view::npos ? xml.npos : end - tag);
  for (std::size_t at = t.find(name); at != std::string_view::npos; at = t.find(name, at + 1)) {
    const bool starts = at > 0 && (t[at - 1] == ' ' || t[at - 1] == ':');
    const std::size_t eq = at + name.size();
    if (!starts || eq + 1 >= t.size() || t[eq] != '=') continue;
    const char quote = t[eq + 1];
    const std::size_t close = t.find(quote, eq + 2);
    if (close == std::string_view::npos) return {};
    return std::string(t.substr(eq + 2, close - eq - 2));
  }
  return {};
}

// Every start of `<name ` or `<name>` or `<name/>` in xml.
std::vector<std::size_t> tags(std::string_view xml, std::string_view name) {
  std::vector<std::size_t> out;
  const std::string open = "<" + std::string(name);
  for (std::size_t at = xml.find(open); at != std::string_view::npos; at = xml.find(open, at + 1)) {
    const std::size_t next = at + open.size();
    if (next < xml.size() && (xml[next] == ' ' || xml[next] == '>' || xml[next] == '/'))
      out.push_back(at);
  }
  return out;
}

// The worksheet member of the `index`-th <sheet> of xl/workbook.xml.
std::string sheet_member(const std::string& path, int index) {
  const std::string workbook = read_zip_member(path, "xl/workbook.xml");
  const std::vector<std::size_t> sheets = tags(workbook, "sheet");
  if (index < 0 || static_cast<std::size_t>(index) >= sheets.size()) return {};
  const std::string id = attribute(workbook, sheets[index], "r:id");
  const std::string rels = read_zip_member(path, "xl/_rels/workbook.xml.rels");
  for (std::size_t at : tags(rels, "Relationship")) {
    if (attribute(rels, at, "Id") != id) continue;
    std::string target = attribute(rels, at, "Target");
    if (target.starts_with("/")) return target.substr(1);
    return "xl/" + target;
  }
  return {};
}

}  // namespace

std::pair<std::int64_t, int> parse_cell_reference(std::string_view ref) {
  std::size_t i = 0;
  int column = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 3; ++i)
    column = column * 26 + (ref[i] - 'A' + 1);
  std::int64_t row = 0;
  const std::size_t digits = i;
  for (; i < ref.size() && ref[i] >= '0' && ref[i] <= '9' && i - digits < 7; ++i)
    row = row * 10 + (ref[i] - '0');
  if (column == 0 || row == 0 || i != ref.size()) return {0, -1};
  return {row, column - 1};
}

std::set<std::pair<std::int64_t, int>> xlsx_unsaved_formulas(const std::string& path,
                                                             int sheet_index) {
  std::set<std::pair<std::int64_t, int>> out;
  const std::string member = sheet_member(path, sheet_index);
  if (member.empty()) return out;
  const std::string xml = read_zip_member(path, member);
  const std::string_view x(xml);
  for (std::size_t at : tags(x, "c")) {
    const std::size_t open_end = x.find('>', at);
    if (open_end == std::string_view::npos) break;
    if (x[open_end - 1] == '/') continue;  // <c r="A1"/>: no content
    const std::size_t close = x.find("</c>", open_end);
    const std::string_view body =
        x.substr(open_end + 1, close == x.npos ? x.npos : close - open_end - 1);
    if (tags(body, "f").empty()) continue;
    const std::size_t v = body.find("<v>");
    const bool has_value = v != std::string_view::npos && body.compare(v, 7, "<v></v>") != 0;
    if (has_value) continue;
    const auto cell = parse_cell_reference(attribute(x, at, "r"));
    if (cell.second >= 0) out.insert(cell);
  }
  return out;
}

}  // namespace muyield::io
