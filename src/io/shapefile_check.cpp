#include "io/shapefile_check.hpp"

#include <cpl_conv.h>
#include <cpl_vsi.h>

#include <cstdint>

#include "io/input_error.hpp"

namespace muyield::io {

namespace {

constexpr const char* kRepair =
    "请用 QGIS 或 ogr2ogr 修复/重新导出 / repair or re-export it (QGIS, or ogr2ogr -f \"ESRI "
    "Shapefile\" fixed.shp this.shp) and check that no records are missing";

std::string dbf_beside(const std::string& path) {
  for (const char* ext : {"dbf", "DBF"}) {
    std::string dbf = CPLResetExtension(path.c_str(), ext);
    VSIStatBufL stat;
    if (VSIStatL(dbf.c_str(), &stat) == 0) return dbf;
  }
  return {};
}

}  // namespace

void check_shapefile_records(const std::string& path) {
  const std::string dbf = dbf_beside(path);
  if (dbf.empty()) return;
  VSILFILE* f = VSIFOpenL(dbf.c_str(), "rb");
  if (!f) return;
  unsigned char header[12] = {};
  const std::size_t got = VSIFReadL(header, 1, sizeof header, f);
  VSIFSeekL(f, 0, SEEK_END);
  const std::uint64_t size = VSIFTellL(f);
  VSIFCloseL(f);
  if (got < sizeof header)
    throw InputError(dbf, std::string("文件头不完整 / the .dbf header is cut short: ") + kRepair);
  const std::uint64_t count =
      header[4] | header[5] << 8 | header[6] << 16 | static_cast<std::uint64_t>(header[7]) << 24;
  const std::uint64_t header_length = header[8] | header[9] << 8;
  const std::uint64_t record_length = header[10] | header[11] << 8;
  if (record_length == 0 || header_length < 33 || header_length > size)
    throw InputError(dbf, std::string("文件头损坏 / the .dbf header is damaged: ") + kRepair);
  // The records, then perhaps one end-of-file byte (0x1A).
  const std::uint64_t held = (size - header_length) / record_length;
  if (held < count)
    throw InputError(dbf, "文件被截断：文件头记录数 " + std::to_string(count) + "，实有完整记录 " +
                              std::to_string(held) +
                              " / the file is truncated: its header counts " +
                              std::to_string(count) + " records but only " + std::to_string(held) +
                              " are complete; " + kRepair);
  if (held > count)
    throw InputError(dbf, "文件头记录数 " + std::to_string(count) + " 少于实有记录 " +
                              std::to_string(held) + "，多出的记录会被忽略 / the header counts " +
                              std::to_string(count) + " records but the file holds " +
                              std::to_string(held) + ": " + std::to_string(held - count) +
                              " would be ignored; " + kRepair);
}

}  // namespace muyield::io
