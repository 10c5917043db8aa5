// --formats and --pdf of `muyield analyze`: which output files a run writes. rejects.csv and
// run.json are always written.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace muyield::cli {

struct OutputFormats {
  std::vector<std::string> formats = {"geojson", "gpkg", "csv", "xlsx", "html"};
  bool pdf = false;

  void add_to(CLI::App& app);
  bool has(std::string_view format) const;
};

}  // namespace muyield::cli
