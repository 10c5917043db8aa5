#include "io/settings_layers.hpp"

namespace muyield::io {

Settings merge_settings(const std::vector<SettingsLayer>& layers) {
  Settings s;
  for (const SettingsLayer& layer : layers) {
    if (!layer.file.empty())
      s = load_settings(layer.file, std::move(s));
    else
      s = parse_settings(layer.inline_toml, layer.origin, std::move(s));
  }
  return s;
}

}  // namespace muyield::io
