// The input options shared by the commands that read a review's inputs (analyze, validate).
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "io/read_inputs.hpp"
#include "io/settings.hpp"

namespace muyield::cli {

struct InputOptions {
  io::InputPaths paths;
  std::string config;
  std::optional<int> year;
  std::string encoding, parcels_crs, buildings_crs, points_crs;
  // Layer, sheet or table (PG: schema.table) in each source, or a SELECT query.
  std::string parcels_layer, buildings_layer, enterprises_layer, links_layer;

  void add_to(CLI::App& app);
  // review.toml (or defaults) with the command-line options laid over it. Throws ConfigError.
  io::Settings settings() const;
};

}  // namespace muyield::cli
