// Settings of one review as the planner writes them in review.toml: the method configuration
// (muyield::ReviewConfig, used by the core) plus what only the readers need (field mappings,
// encodings, CRSs). Parsed by config_toml.cpp.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "muyield/config.hpp"
#include "io/fields.hpp"

namespace muyield::io {

struct InputOptions {
  std::string encoding;       // shapefile attribute encoding; empty = decide (encoding.hpp)
  std::string parcels_crs;    // override / supply the parcels layer CRS ("EPSG:4527")
  std::string buildings_crs;  // same for buildings
  std::string points_crs = "EPSG:4490";  // CRS of enterprise lon/lat or x/y columns
  std::string parcels_layer;      // layer name within a multi-layer source; empty = first
  std::string buildings_layer;
  std::string enterprises_layer;  // sheet name for XLSX
  std::string links_layer;
  // Per table: canonical (or extra attribute) name → column header in the file.
  std::map<TableKind, std::map<std::string, std::string>> fields;
};

struct Settings {
  ReviewConfig review = ReviewConfig::defaults();
  InputOptions input;
};

// A review.toml that cannot be used: names the file, the key and what to do.
class ConfigError : public std::runtime_error {
 public:
  ConfigError(const std::string& file, const std::string& key, const std::string& message);
  const std::string& file() const { return file_; }
  const std::string& key() const { return key_; }

 private:
  std::string file_, key_;
};

// Defaults for everything not in the text. Unknown keys, wrong types and out-of-range values
// are ConfigErrors (a typo must not silently leave a default in force).
Settings parse_settings(std::string_view toml_text, const std::string& source_name);
// The same, laid over `base` instead of the defaults (layered settings, settings_layers.hpp).
Settings parse_settings(std::string_view toml_text, const std::string& source_name, Settings base);
Settings load_settings(const std::string& path, Settings base = {});

// The settings in force, as written into run.json (every value, defaults included).
nlohmann::json settings_to_json(const Settings& settings);

// A commented review.toml with every setting at its default (`muyield init`); parsing it gives
// exactly ReviewConfig::defaults().
std::string default_settings_toml();

}  // namespace muyield::io
