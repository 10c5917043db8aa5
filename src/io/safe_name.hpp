// Names from the planner's data (park names) used as folder names: whatever they contain
// (../, /, \, NUL, control characters, Windows-reserved characters and device names, invalid
// UTF-8), the result is one harmless path component, so paths stay inside the output folder.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace muyield::io {

// One path component: never empty, ".", ".." or hidden; no separators; at most 120 bytes
// (cut at a UTF-8 boundary); Chinese and other valid UTF-8 kept as is.
std::string safe_path_component(std::string_view name);

// The name for display (tables, CSV cells, logs): control characters (NUL, newline, …) shown as
// \xNN so that nothing is cut or hidden.
std::string printable_text(std::string_view name);

// `base / component`, checked to stay inside `base` (throws std::logic_error otherwise).
std::filesystem::path child_path(const std::filesystem::path& base, std::string_view component);

}  // namespace muyield::io
