#include "io/vsi_file.hpp"

#include <cpl_vsi.h>

namespace muyield::io {

std::string read_vsi_file(const std::string& path) {
  std::string bytes;
  VSILFILE* f = VSIFOpenL(path.c_str(), "rb");
  if (!f) return bytes;
  char buf[1 << 16];
  std::size_t n;
  while ((n = VSIFReadL(buf, 1, sizeof buf, f)) > 0) bytes.append(buf, n);
  VSIFCloseL(f);
  return bytes;
}

bool write_vsi_file(const std::string& path, std::string_view bytes) {
  VSILFILE* f = VSIFOpenL(path.c_str(), "wb");
  if (!f) return false;
  const bool written = VSIFWriteL(bytes.data(), 1, bytes.size(), f) == bytes.size();
  return VSIFCloseL(f) == 0 && written;
}

}  // namespace muyield::io
