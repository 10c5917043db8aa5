// The batch file (`muyield batch batch.toml`): which reviews to run — parks × years — with
// which inputs and settings. Format (paths relative to the batch file; data/dexing/batch.toml
// is a commented example):
//
//   out = "out"                    # output folder; --out overrides
//   years = [2023, 2024]           # every park's years, unless the park lists its own
//   config = "review.toml"         # shared settings file (optional)
//   [inputs]                       # shared inputs: parcels, enterprises, buildings, links
//   enterprises = "企业{year}.xlsx"  # paths or globs; {park} and {year} are filled in
//   [settings]                     # inline review.toml keys for every review (optional)
//   [[park]]
//   name = "高新区"                 # also the folder name, made safe (safe_name.hpp)
//   parcels = "{park}/*.shp"       # per-park inputs replace shared ones
//   years = [2024]                 # optional
//   config = "gxq.toml"            # optional, laid over the shared settings
//   [park.settings]                # optional, laid over everything else
//
// Settings layers, later winning: shared config, shared [settings], park config, park settings.
#pragma once

#include <string>
#include <vector>

#include "io/read_inputs.hpp"
#include "io/settings_layers.hpp"

namespace muyield::io {

struct BatchReview {
  std::string park;  // as named in the batch file
  int year = 0;
  std::string park_dir;  // folder name for the park, safe and unique in the batch
  InputPaths inputs;     // patterns with {park} and {year} filled in; globs not yet expanded
  std::vector<SettingsLayer> settings;
};

struct BatchPlan {
  std::string source;  // the batch file
  std::string out;     // output folder from the file (relative to the working directory)
  std::vector<std::string> parks;    // in file order
  std::vector<BatchReview> reviews;  // park by park in file order, years ascending
};

// Throws ConfigError (naming the batch file and key) when the file cannot be used at all.
BatchPlan load_batch_plan(const std::string& path);
BatchPlan parse_batch_plan(std::string_view text, const std::string& source_name);

// A pattern to one input: kept as is without wildcards (and for PG:, /vsi… sources); a glob
// must match exactly one file. Throws InputError naming the pattern otherwise.
std::string resolve_input(const std::string& pattern);
InputPaths resolve_inputs(const InputPaths& patterns);

}  // namespace muyield::io
