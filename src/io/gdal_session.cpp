#include "io/gdal_session.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>
#include <geos_c.h>
#include <proj.h>

#include <mutex>

namespace muyield::io {

void ensure_gdal() {
  static std::once_flag once;
  std::call_once(once, [] {
    GDALAllRegister();
    // Spreadsheets are read as plain text rows: table_source.cpp finds the header row itself
    // (sheets often open with a title row) and parses numbers and dates as planners type them.
    CPLSetConfigOption("OGR_XLSX_HEADERS", "DISABLE");
    CPLSetConfigOption("OGR_ODS_HEADERS", "DISABLE");
    CPLSetConfigOption("OGR_XLSX_FIELD_TYPES", "STRING");
    CPLSetConfigOption("OGR_ODS_FIELD_TYPES", "STRING");
  });
}

namespace {
void CPL_STDCALL on_gdal_message(CPLErr level, CPLErrorNum, const char* message) {
  if (auto* sink = static_cast<GdalMessages*>(CPLGetErrorHandlerUserData()))
    sink->collect(level >= CE_Failure, message);
}
}  // namespace

GdalMessages::GdalMessages() { CPLPushErrorHandlerEx(on_gdal_message, this); }

GdalMessages::~GdalMessages() { CPLPopErrorHandler(); }

std::string library_versions() {
  const PJ_INFO proj = proj_info();
  return std::string("GDAL ") + GDALVersionInfo("RELEASE_NAME") + ", GEOS " + GEOSversion() +
         ", PROJ " + proj.version;
}

}  // namespace muyield::io
