// Review settings built from layers, later layers winning key by key: review.toml files and
// inline tables of a batch file (shared, then per park). Each layer goes through the checks
// of a review.toml (parse_settings), so a typo in a batch file is caught and named too.
#pragma once

#include <string>
#include <vector>

#include "io/settings.hpp"

namespace muyield::io {

struct SettingsLayer {
  std::string file;         // a review.toml; or
  std::string inline_toml;  // an inline table as TOML text (keys in the planner's order)
  std::string origin;       // the inline table, for messages: "batch.toml [settings]"
};

// Throws ConfigError naming the layer that cannot be read or the key that is wrong.
Settings merge_settings(const std::vector<SettingsLayer>& layers);

}  // namespace muyield::io
