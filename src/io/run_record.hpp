// run.json: the provenance of one review (DATA.md): inputs with checksums, the settings in
// force, versions, area method, counts, benchmarks, timings.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "io/read_inputs.hpp"
#include "io/settings.hpp"
#include "muyield/result.hpp"

namespace muyield::io {

// SHA-256 of every file GDAL names for the source (a shapefile's .shp, .dbf, .shx, …).
nlohmann::json input_checksums(const std::string& path);

struct RunRecord {
  std::vector<std::string> command_line;
  std::vector<InputReport> inputs;
  std::vector<std::string> outputs;
  std::string started;   // ISO 8601 UTC
  std::string finished;
  std::vector<StageTiming> extra_timings;  // read and write stages measured by the CLI
};

nlohmann::json run_json(const RunRecord& record, const Settings& settings,
                        const ReviewResult& result);

void write_json(const std::string& path, const nlohmann::json& document);

}  // namespace muyield::io
