// Whole files through GDAL's virtual file system (/vsimem, /vsizip, plain paths alike).
#pragma once

#include <string>
#include <string_view>

namespace muyield::io {

// The file's bytes; empty when it cannot be opened.
std::string read_vsi_file(const std::string& path);

// Writes `bytes` as the whole file; false when it cannot be created.
bool write_vsi_file(const std::string& path, std::string_view bytes);

}  // namespace muyield::io
