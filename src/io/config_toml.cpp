// review.toml → Settings. Every key is checked: unknown keys, wrong types and out-of-range values
// are ConfigErrors naming the key, so a typo never leaves a default silently in force.
#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "io/number_text.hpp"
#include "io/settings.hpp"
#include "io/values.hpp"

namespace muyield::io {

ConfigError::ConfigError(const std::string& file, const std::string& key,
                         const std::string& message)
    : std::runtime_error(file + (key.empty() ? "" : ": [" + key + "]") + ": " + message),
      file_(file),
      key_(key) {}

namespace {

// One TOML table being read: typed getters that remember which keys were used, so that
// whatever is left at the end is an unknown key.
class TableReader {
 public:
  TableReader(const toml::table* table, std::string path, const std::string& file)
      : table_(table), path_(std::move(path)), file_(file) {}

  bool present() const { return table_ != nullptr; }
  const std::string& path() const { return path_; }

  std::string key_path(std::string_view key) const {
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
  }
  [[noreturn]] void fail(std::string_view key, const std::string& message) const {
    throw ConfigError(file_, key_path(key), message);
  }

  const toml::node* node(std::string_view key) {
    if (!table_) return nullptr;
    used_.insert(std::string(key));
    return table_->get(key);
  }

  TableReader sub(std::string_view key) {
    const toml::node* n = node(key);
    if (n && !n->is_table()) fail(key, "expected a table ([" + key_path(key) + "])");
    return TableReader(n ? n->as_table() : nullptr, key_path(key), file_);
  }

  void number(std::string_view key, double& out, double lo, double hi) {
    const toml::node* n = node(key);
    if (!n) return;
    double v;
    if (auto f = n->as_floating_point())
      v = f->get();
    else if (auto i = n->as_integer())
      v = static_cast<double>(i->get());
    else
      fail(key, "expected a number");
    if (!(v >= lo && v <= hi))
      fail(key,
           "value " + number_text(v) + " is outside " + number_text(lo) + " … " + number_text(hi));
    out = v;
  }

  void integer(std::string_view key, int& out, int lo, int hi) {
    const toml::node* n = node(key);
    if (!n) return;
    auto i = n->as_integer();
    if (!i) fail(key, "expected a whole number");
    if (i->get() < lo || i->get() > hi)
      fail(key, "value " + std::to_string(i->get()) + " is outside " + std::to_string(lo) + " … " +
                    std::to_string(hi));
    out = static_cast<int>(i->get());
  }

  bool text(std::string_view key, std::string& out) {
    const toml::node* n = node(key);
    if (!n) return false;
    auto s = n->as_string();
    if (!s) fail(key, "expected a text in quotes");
    out = s->get();
    return true;
  }

  void text_list(std::string_view key, std::vector<std::string>& out) {
    const toml::node* n = node(key);
    if (!n) return;
    auto a = n->as_array();
    if (!a) fail(key, "expected a list of texts, e.g. [\"44\", \"45\"]");
    out.clear();
    for (const auto& e : *a) {
      auto s = e.as_string();
      if (!s) fail(key, "expected a list of texts, e.g. [\"44\", \"45\"]");
      out.push_back(s->get());
    }
  }

  // The entries of this table in the order they appear in the file (toml++ keeps tables
  // sorted; the order of weights is the order of the output columns, so keep the planner's).
  std::vector<std::pair<std::string, const toml::node*>> entries_in_file_order() const {
    std::vector<std::pair<std::string, const toml::node*>> out;
    if (!table_) return out;
    for (const auto& [k, v] : *table_) out.emplace_back(std::string(k.str()), &v);
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
      const auto& sa = a.second->source().begin;
      const auto& sb = b.second->source().begin;
      return std::tie(sa.line, sa.column) < std::tie(sb.line, sb.column);
    });
    return out;
  }
  void use_all() {
    if (!table_) return;
    for (const auto& [k, v] : *table_) used_.insert(std::string(k.str()));
  }

  void reject_unknown(std::string_view known_hint) const {
    if (!table_) return;
    for (const auto& [k, v] : *table_) {
      if (!used_.count(std::string(k.str())))
        fail(k.str(), "unknown setting; known here: " + std::string(known_hint) +
                          " (muyield init writes a review.toml with every setting)");
    }
  }

 private:
  const toml::table* table_;
  std::string path_;
  const std::string& file_;
  std::set<std::string> used_;
};

double entry_number(TableReader& t, const std::string& key, const toml::node* n, double lo,
                    double hi) {
  double v;
  if (auto f = n->as_floating_point())
    v = f->get();
  else if (auto i = n->as_integer())
    v = static_cast<double>(i->get());
  else
    t.fail(key, "expected a number");
  if (!(v >= lo && v <= hi))
    t.fail(key,
           "value " + number_text(v) + " is outside " + number_text(lo) + " … " + number_text(hi));
  return v;
}

Indicator indicator_key(TableReader& t, const std::string& key) {
  auto ind = indicator_from_key(key);
  if (!ind) {
    std::string known;
    for (Indicator i : kAllIndicators)
      known += (known.empty() ? "" : ", ") + std::string(info(i).key);
    t.fail(key, "unknown indicator; use one of " + known);
  }
  return *ind;
}

void read_group(TableReader& scoring, std::string_view name, GroupScoring& group) {
  TableReader g = scoring.sub(name);
  if (!g.present()) return;
  TableReader weights = g.sub("weights");
  if (weights.present()) {
    group.indicators.clear();
    for (const auto& [key, node] : weights.entries_in_file_order()) {
      Indicator ind = indicator_key(weights, key);
      group.indicators.push_back({ind, entry_number(weights, key, node, 0, 1000), {}});
    }
    weights.use_all();
    if (group.indicators.empty()) weights.fail("", "a group needs at least one weighted indicator");
  }
  TableReader benchmarks = g.sub("benchmarks");
  for (const auto& [key, node] : benchmarks.entries_in_file_order()) {
    Indicator ind = indicator_key(benchmarks, key);
    auto it = std::find_if(group.indicators.begin(), group.indicators.end(),
                           [&](const WeightedIndicator& w) { return w.indicator == ind; });
    if (it == group.indicators.end())
      benchmarks.fail(key, "a benchmark for an indicator without a weight in this group");
    double v = entry_number(benchmarks, key, node, 0, 1e15);
    if (v <= 0) benchmarks.fail(key, "a fixed benchmark must be above 0");
    it->fixed_benchmark = v;
  }
  benchmarks.use_all();
  g.reject_unknown("weights, benchmarks");
}

void read_points(TableReader& t, std::string_view key_name, std::map<std::string, double>& out) {
  TableReader p = t.sub(key_name);
  if (!p.present()) return;
  out.clear();
  for (const auto& [key, node] : p.entries_in_file_order())
    out[key] = entry_number(p, key, node, 0, 1000);
  p.use_all();
}

void read_thresholds(TableReader& t, std::string_view name, ClassConfig::Thresholds& th) {
  TableReader g = t.sub(name);
  g.number("a", th.a, -1e9, 1e9);
  g.number("b", th.b, -1e9, 1e9);
  g.number("c", th.c, -1e9, 1e9);
  g.reject_unknown("a, b, c");
}

std::vector<FarMinimum> read_far_table(const std::string& path, const std::string& file) {
  // A FAR table is a few kB: anything that is not a plain file of modest size (a folder,
  // /dev/zero, a FIFO, a mistaken multi-GB dump) would hang or exhaust memory below.
  constexpr std::uintmax_t kMaxBytes = 1 << 20;
  std::error_code ec;
  if (std::filesystem::exists(path, ec) && (!std::filesystem::is_regular_file(path, ec) ||
                                            std::filesystem::file_size(path, ec) > kMaxBytes))
    throw ConfigError(
        file, "building.far_table",
        path + " is not a CSV file of at most 1 MB (columns division, name, far_min)");
  std::ifstream in(path);
  if (!in)
    throw ConfigError(file, "building.far_table",
                      "cannot open " + path + " (a CSV with columns division, name, far_min)");
  std::vector<FarMinimum> rows;
  std::string line;
  int row = 0;
  while (std::getline(in, line)) {
    ++row;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (row == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    if (line.empty()) continue;
    std::vector<std::string> cells;
    std::stringstream ls(line);
    std::string cell;
    while (std::getline(ls, cell, ',')) cells.push_back(cell);
    if (row == 1 && (cells.empty() || !parse_number(cells[0]).ok())) continue;  // header
    auto far = cells.size() >= 3 ? parse_number(cells[2]).value : std::nullopt;
    if (!far || *far <= 0)
      throw ConfigError(file, "building.far_table",
                        path + " row " + std::to_string(row) +
                            ": expected division,name,far_min with far_min > 0");
    std::string division = cells[0];
    if (division.size() == 1) division = "0" + division;
    rows.push_back({division, cells[1], *far});
  }
  if (rows.empty()) throw ConfigError(file, "building.far_table", path + " has no rows");
  return rows;
}

void read_input(TableReader&& t, InputOptions& in) {
  t.text("encoding", in.encoding);
  t.text("parcels_crs", in.parcels_crs);
  t.text("buildings_crs", in.buildings_crs);
  t.text("points_crs", in.points_crs);
  t.text("parcels_layer", in.parcels_layer);
  t.text("buildings_layer", in.buildings_layer);
  t.text("enterprises_layer", in.enterprises_layer);
  t.text("links_layer", in.links_layer);
  TableReader fields = t.sub("fields");
  for (TableKind kind :
       {TableKind::parcels, TableKind::buildings, TableKind::enterprises, TableKind::links}) {
    TableReader k = fields.sub(table_kind_key(kind));
    for (const auto& [key, node] : k.entries_in_file_order()) {
      auto s = node->as_string();
      if (!s) k.fail(key, "expected the column header in quotes, e.g. " + key + " = \"DKBH\"");
      in.fields[kind][key] = s->get();
    }
    k.use_all();
  }
  fields.reject_unknown("parcels, buildings, enterprises, links");
  t.reject_unknown(
      "encoding, parcels_crs, buildings_crs, points_crs, parcels_layer, buildings_layer, "
      "enterprises_layer, links_layer, fields");
}

}  // namespace

Settings parse_settings(std::string_view toml_text, const std::string& source_name) {
  return parse_settings(toml_text, source_name, Settings{});
}

Settings parse_settings(std::string_view toml_text, const std::string& source_name, Settings base) {
  toml::table root;
  try {
    root = toml::parse(toml_text, source_name);
  } catch (const toml::parse_error& e) {
    std::ostringstream msg;
    msg << "line " << e.source().begin.line << ", column " << e.source().begin.column << ": "
        << e.description() << " (not valid TOML)";
    throw ConfigError(source_name, "", msg.str());
  }

  Settings s = std::move(base);
  ReviewConfig& c = s.review;
  TableReader top(&root, "", source_name);

  TableReader review = top.sub("review");
  {
    int year = 0;
    if (review.node("year")) {
      review.integer("year", year, 1949, 2200);
      c.year = year;
    }
    std::string text;
    if (review.text("evaluation_date", text)) {
      auto d = parse_date(text, false);
      if (!d.ok())
        review.fail("evaluation_date", "expected a date like \"2024-12-31\", got " + text);
      c.evaluation_date = *d.value;
    }
    if (review.text("area_method", text)) {
      if (text == "geodesic")
        c.area_method = AreaMethod::geodesic;
      else if (text == "planar")
        c.area_method = AreaMethod::planar;
      else
        review.fail("area_method", "use \"geodesic\" or \"planar\", not \"" + text + "\"");
    }
    review.number("area_deviation_warning", c.area_deviation_warning, 0, 10);
    review.reject_unknown("year, evaluation_date, area_method, area_deviation_warning");
  }

  TableReader rating = top.sub("rating");
  rating.number("above_revenue_threshold", c.rating.above_revenue_threshold, 0, 1e12);
  rating.number("min_land_mu", c.rating.min_land_mu, 0, 1e9);
  rating.integer("ramp_up_years", c.rating.ramp_up_years, 0, 100);
  rating.text_list("exempt_divisions", c.rating.exempt_divisions);
  rating.reject_unknown("above_revenue_threshold, min_land_mu, ramp_up_years, exempt_divisions");

  TableReader scoring = top.sub("scoring");
  scoring.number("cap", c.scoring.cap, 0.01, 1000);
  scoring.number("benchmark_factor", c.scoring.benchmark_factor, 0.0001, 1000);
  read_group(scoring, "above", c.scoring.above);
  read_group(scoring, "below", c.scoring.below);
  read_points(scoring, "bonus", c.scoring.bonus);
  read_points(scoring, "deduction", c.scoring.deduction);
  scoring.reject_unknown("cap, benchmark_factor, above, below, bonus, deduction");

  TableReader classes = top.sub("classes");
  {
    std::string method;
    if (classes.text("method", method)) {
      if (method == "shares")
        c.classes.method = ClassMethod::shares;
      else if (method == "thresholds")
        c.classes.method = ClassMethod::thresholds;
      else
        classes.fail("method", "use \"shares\" or \"thresholds\", not \"" + method + "\"");
    }
    classes.number("share_a", c.classes.share_a, 0, 1);
    classes.number("share_b", c.classes.share_b, 0, 1);
    classes.number("share_c", c.classes.share_c, 0, 1);
    if (!(c.classes.share_a <= c.classes.share_b && c.classes.share_b <= c.classes.share_c))
      classes.fail("share_a", "the cumulative shares must grow: share_a ≤ share_b ≤ share_c");
    TableReader th = classes.sub("thresholds");
    read_thresholds(th, "above", c.classes.thresholds_above);
    read_thresholds(th, "below", c.classes.thresholds_below);
    th.reject_unknown("above, below");
    TableReader labels = classes.sub("labels");
    for (const char* k : {"A", "B", "C", "D", "unrated"}) labels.text(k, c.classes.labels[k]);
    labels.reject_unknown("A, B, C, D, unrated");
    classes.reject_unknown("method, share_a, share_b, share_c, thresholds, labels");
  }

  TableReader building = top.sub("building");
  {
    std::string preset;
    if (building.text("preset", preset)) {
      if (preset == "2008")
        c.building.min_coverage = 0.30;
      else if (preset == "2023")
        c.building.min_coverage = 0.40;
      else
        building.fail("preset", "use \"2008\" (coverage ≥ 0.30) or \"2023\" (≥ 0.40)");
      c.building.preset = preset;
    }
    building.number("min_coverage", c.building.min_coverage, 0, 1);  // overrides the preset
    building.number("storey_height_m", c.building.storey_height_m, 0.5, 100);
    building.number("tall_storey_m", c.building.tall_storey_m, 0.5, 100);
    std::string table;
    if (building.text("far_table", table)) {
      std::filesystem::path p(table);
      if (p.is_relative()) p = std::filesystem::path(source_name).parent_path() / p;
      c.building.far_minimums = read_far_table(p.string(), source_name);
      c.building.far_table_source = p.string();
    }
    building.reject_unknown("preset, min_coverage, storey_height_m, tall_storey_m, far_table");
  }

  TableReader flags = top.sub("flags");
  flags.number("low_yield_ratio", c.flags.low_yield_ratio, 0, 100);
  flags.integer("idle_years", c.flags.idle_years, 0, 100);
  flags.integer("idle_recovery_years", c.flags.idle_recovery_years, 0, 100);
  flags.number("idle_coverage_fraction", c.flags.idle_coverage_fraction, 0, 1);
  flags.reject_unknown("low_yield_ratio, idle_years, idle_recovery_years, idle_coverage_fraction");

  TableReader stability = top.sub("stability");
  {
    StabilityConfig& st = c.stability;
    if (const toml::node* n = stability.node("enabled")) {
      if (!n->is_boolean()) stability.fail("enabled", "expected true or false");
      st.enabled = n->as_boolean()->get();
    }
    stability.integer("runs", st.runs, 1, 1'000'000);
    int seed = static_cast<int>(st.seed);
    stability.integer("seed", seed, 0, 2'147'483'647);
    st.seed = static_cast<std::uint64_t>(seed);
    stability.number("weight_spread", st.weight_spread, 0, 0.99);
    stability.number("benchmark_spread", st.benchmark_spread, 0, 0.99);
    stability.number("unstable_below", st.unstable_below, 0, 1);
    if (const toml::node* n = stability.node("what_it_takes")) {
      if (!n->is_boolean()) stability.fail("what_it_takes", "expected true or false");
      st.what_it_takes = n->as_boolean()->get();
    }
    stability.reject_unknown(
        "enabled, runs, seed, weight_spread, benchmark_spread, unstable_below, what_it_takes");
  }

  read_input(top.sub("input"), s.input);
  top.reject_unknown("review, rating, scoring, classes, building, flags, stability, input");

  // Bonus and deduction points need a yes/no attribute the enterprise reader fills: the two of
  // DATA.md or one mapped under [input.fields.enterprises].
  const auto& mapped = s.input.fields[TableKind::enterprises];
  for (const auto* points : {&c.scoring.bonus, &c.scoring.deduction}) {
    for (const auto& [name, value] : *points) {
      if (name == "high_tech" || name == "specialized" || mapped.count(name)) continue;
      throw ConfigError(
          source_name,
          std::string(points == &c.scoring.bonus ? "scoring.bonus." : "scoring.deduction.") + name,
          "no such yes/no attribute; map its column under [input.fields.enterprises], "
          "e.g. " +
              name + " = \"列名\"");
    }
  }
  return s;
}

Settings load_settings(const std::string& path, Settings base) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw ConfigError(path, "", "cannot open the review configuration (muyield init writes one)");
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);  // Notepad's BOM
  return parse_settings(text, path, std::move(base));
}

}  // namespace muyield::io
