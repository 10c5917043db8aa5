#include "io/batch_plan.hpp"

#include <glob.h>
#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "io/input_error.hpp"
#include "io/safe_name.hpp"

namespace muyield::io {

namespace {

namespace fs = std::filesystem;

constexpr const char* kInputKeys[] = {"parcels", "enterprises", "buildings", "links"};

template <class Paths>  // InputPaths or const InputPaths
auto& input_slot(Paths& paths, std::string_view key) {
  if (key == "parcels") return paths.parcels;
  if (key == "enterprises") return paths.enterprises;
  if (key == "buildings") return paths.buildings;
  return paths.links;
}

class BatchFile {
 public:
  BatchFile(const std::string& source) : source_(source) { base_ = fs::path(source).parent_path(); }
  [[noreturn]] void fail(const std::string& key, const std::string& message) const {
    throw ConfigError(source_, key, message);
  }

  std::string text(const toml::table& t, std::string_view key, const std::string& where) const {
    const toml::node* n = t.get(key);
    if (!n) return {};
    if (!n->is_string()) fail(where + std::string(key), "expected a text in quotes");
    return n->as_string()->get();
  }

  // A path as written, relative to the batch file unless absolute or a GDAL connection.
  std::string path(const std::string& p) const {
    if (p.empty() || p.rfind("PG:", 0) == 0 || p.rfind("/vsi", 0) == 0 || fs::path(p).is_absolute())
      return p;
    return (base_ / p).lexically_normal().string();
  }

  std::vector<int> years(const toml::table& t, const std::string& where) const {
    std::vector<int> out;
    const toml::node* n = t.get("years");
    if (!n) return out;
    const toml::array* a = n->as_array();
    if (!a || a->empty()) fail(where + "years", "expected a list of years, e.g. [2023, 2024]");
    for (const toml::node& e : *a) {
      const auto* i = e.as_integer();
      if (!i || i->get() < 1949 || i->get() > 2200)
        fail(where + "years", "expected whole years between 1949 and 2200, e.g. [2023, 2024]");
      out.push_back(static_cast<int>(i->get()));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  void reject_unknown(const toml::table& t, const std::set<std::string_view>& known,
                      const std::string& where) const {
    for (const auto& [k, v] : t)
      if (!known.count(k.str())) {
        std::string list;
        for (std::string_view s : known) list += (list.empty() ? "" : ", ") + std::string(s);
        fail(where + std::string(k.str()), "unknown key; known here: " + list);
      }
  }

  const std::string& source() const { return source_; }

 private:
  std::string source_;
  fs::path base_;
};

// TOML text of an inline settings table with every key in the order the planner wrote it
// (toml++ sorts keys; the order of weights is the order of the output columns).
void emit_in_file_order(std::ostream& out, const toml::table& table, const std::string& path,
                        const fs::path& base) {
  std::vector<std::pair<std::string, const toml::node*>> entries;
  for (const auto& [k, v] : table) entries.emplace_back(std::string(k.str()), &v);
  std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    const auto& sa = a.second->source().begin;
    const auto& sb = b.second->source().begin;
    return std::tie(sa.line, sa.column) < std::tie(sb.line, sb.column);
  });
  for (const auto& [key, node] : entries) {
    if (node->is_table()) continue;
    toml::table one;
    if (path == "building" && key == "far_table" && node->is_string() &&
        fs::path(node->as_string()->get()).is_relative())  // relative to the batch file
      one.insert("far_table", (base / node->as_string()->get()).string());
    else
      one.insert(key, *node);
    out << one << "\n";
  }
  for (const auto& [key, node] : entries) {
    if (!node->is_table()) continue;
    toml::table header_key;
    header_key.insert(key, 0);
    std::ostringstream quoted;
    quoted << header_key;  // "key = 0", with the key quoted when it must be
    const std::string k = quoted.str().substr(0, quoted.str().rfind(" = "));
    const std::string sub = path.empty() ? k : path + "." + k;
    out << "[" << sub << "]\n";
    emit_in_file_order(out, *node->as_table(), sub, base);
  }
}

std::string fill(std::string pattern, const std::string& park, int year) {
  for (const auto& [key, value] :
       {std::pair<std::string, std::string>{"{park}", park}, {"{year}", std::to_string(year)}}) {
    for (std::size_t at; (at = pattern.find(key)) != std::string::npos;)
      pattern.replace(at, key.size(), value);
  }
  return pattern;
}

}  // namespace

BatchPlan parse_batch_plan(std::string_view text, const std::string& source_name) {
  const BatchFile file(source_name);
  toml::table root;
  try {
    root = toml::parse(text, source_name);
  } catch (const toml::parse_error& e) {
    file.fail("", "line " + std::to_string(e.source().begin.line) + ", column " +
                      std::to_string(e.source().begin.column) + ": " +
                      std::string(e.description()) + " (not valid TOML)");
  }
  file.reject_unknown(root, {"out", "years", "config", "inputs", "settings", "park"}, "");

  BatchPlan plan;
  plan.source = source_name;
  plan.out = file.path(file.text(root, "out", ""));
  const std::vector<int> shared_years = file.years(root, "");

  InputPaths shared_inputs;
  if (const toml::node* n = root.get("inputs")) {
    if (!n->is_table()) file.fail("inputs", "expected a table [inputs]");
    file.reject_unknown(*n->as_table(),
                        {kInputKeys[0], kInputKeys[1], kInputKeys[2], kInputKeys[3]}, "inputs.");
    for (const char* k : kInputKeys)
      input_slot(shared_inputs, k) = file.text(*n->as_table(), k, "inputs.");
  }

  std::vector<SettingsLayer> shared_layers;
  const fs::path base = fs::path(source_name).parent_path();
  auto add_layers = [&](const toml::table& t, const std::string& where,
                        std::vector<SettingsLayer>& layers) {
    if (const std::string config = file.text(t, "config", where); !config.empty())
      layers.push_back({file.path(config), "", ""});
    if (const toml::node* n = t.get("settings")) {
      if (!n->is_table()) file.fail(where + "settings", "expected a table of review.toml keys");
      std::ostringstream inline_toml;
      emit_in_file_order(inline_toml, *n->as_table(), "", base);
      layers.push_back({"", inline_toml.str(), source_name + " [" + where + "settings]"});
    }
  };
  add_layers(root, "", shared_layers);

  const toml::node* parks = root.get("park");
  if (!parks || !parks->is_array_of_tables() || parks->as_array()->empty())
    file.fail("park",
              "no [[park]] entries: list each park with at least name = \"…\" and its "
              "inputs (or shared [inputs])");
  std::set<std::string> names, dirs;
  int index = 0;
  for (const toml::node& node : *parks->as_array()) {
    ++index;
    const toml::table& park = *node.as_table();
    const std::string where = "park." + std::to_string(index) + ".";
    file.reject_unknown(park,
                        {"name", "years", "config", "settings", kInputKeys[0], kInputKeys[1],
                         kInputKeys[2], kInputKeys[3]},
                        where);
    const std::string name = file.text(park, "name", where);
    if (name.empty()) file.fail(where + "name", "each [[park]] needs a name");
    if (!names.insert(name).second)
      file.fail(where + "name", "park \"" + name + "\" is listed twice");
    // The folder: safe, and unique even when two names sanitise alike ("a/b", "a_b").
    std::string dir = safe_path_component(name);
    for (int k = 2; dirs.count(dir); ++k) dir = safe_path_component(name) + "-" + std::to_string(k);
    dirs.insert(dir);
    plan.parks.push_back(name);

    std::vector<int> years = file.years(park, where);
    if (years.empty()) years = shared_years;
    if (years.empty())
      file.fail(where + "years", "no years: give years = [...] at the top or for the park");
    InputPaths patterns = shared_inputs;
    for (const char* k : kInputKeys)
      if (std::string p = file.text(park, k, where); !p.empty()) input_slot(patterns, k) = p;
    if (patterns.parcels.empty())
      file.fail(where + "parcels", "no parcels for park \"" + name + "\" (here or in [inputs])");
    std::vector<SettingsLayer> layers = shared_layers;
    add_layers(park, where, layers);

    for (int year : years) {
      BatchReview r;
      r.park = name;
      r.year = year;
      r.park_dir = dir;
      for (const char* k : kInputKeys)
        input_slot(r.inputs, k) = file.path(fill(input_slot(patterns, k), name, year));
      r.settings = layers;
      plan.reviews.push_back(std::move(r));
    }
  }
  return plan;
}

BatchPlan load_batch_plan(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError(path, "", "cannot open the batch file");
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  return parse_batch_plan(text, path);
}

std::string resolve_input(const std::string& pattern) {
  if (pattern.empty() || pattern.rfind("PG:", 0) == 0 || pattern.rfind("/vsi", 0) == 0 ||
      pattern.find_first_of("*?[") == std::string::npos)
    return pattern;
  glob_t g{};
  const int rc = ::glob(pattern.c_str(), 0, nullptr, &g);
  std::vector<std::string> matches(g.gl_pathv, g.gl_pathv + (rc == 0 ? g.gl_pathc : 0));
  globfree(&g);
  if (matches.empty()) throw InputError(pattern, "没有匹配的文件 / no file matches this pattern");
  if (matches.size() > 1) {
    std::string list;
    for (std::size_t i = 0; i < matches.size() && i < 5; ++i) list += (i ? ", " : "") + matches[i];
    throw InputError(pattern, std::to_string(matches.size()) +
                                  " files match; the pattern must name one input: " + list +
                                  (matches.size() > 5 ? ", …" : ""));
  }
  return matches.front();
}

InputPaths resolve_inputs(const InputPaths& patterns) {
  InputPaths out;
  for (const char* k : kInputKeys) input_slot(out, k) = resolve_input(input_slot(patterns, k));
  return out;
}

}  // namespace muyield::io
