#include "io/run_record.hpp"

#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <openssl/evp.h>


#include "io/gdal_session.hpp"
#include "io/output_error.hpp"
#include "io/pending_file.hpp"
#include "io/pg_connection.hpp"

#ifndef MUYIELD_VERSION
#define MUYIELD_VERSION "dev"
#endif

namespace muyield::io {

namespace {

std::string sha256_of(const std::string& path) {
  VSILFILE* f = VSIFOpenL(path.c_str(), "rb");
  if (!f) return {};
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr);
  std::vector<unsigned char> buf(1 << 20);
  std::size_t n;
  while ((n = VSIFReadL(buf.data(), 1, buf.size(), f)) > 0) EVP_DigestUpdate(ctx, buf.data(), n);
  VSIFCloseL(f);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_DigestFinal_ex(ctx, digest, &len);
  EVP_MD_CTX_free(ctx);
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned i = 0; i < len; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 15];
  }
  return out;
}

nlohmann::json recognition_json(const Recognition& r) {
  nlohmann::json fields = nlohmann::json::object();
  for (const RecognizedField& f : r.fields) {
    nlohmann::json j = {{"column", f.header}, {"matched_by", f.matched_by}};
    if (f.header_unit != Unit::none) j["unit"] = std::string(unit_label(f.header_unit));
    if (f.factor != 1.0) j["factor"] = f.factor;
    fields[f.canonical] = j;
  }
  return {{"fields", fields}, {"unknown_columns", r.unknown}, {"warnings", r.warnings}};
}

}  // namespace

nlohmann::json input_checksums(const std::string& path) {
  nlohmann::json out = nlohmann::json::array();
  if (is_pg_connection(path)) return out;  // a database has no file: InputReport::content_sha256
  ensure_gdal();
  GdalMessages quiet;
  std::vector<std::string> files;
  if (GDALDatasetH ds = GDALOpenEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr)) {
    char** list = GDALGetFileList(ds);
    for (char** p = list; p && *p; ++p) files.push_back(*p);
    CSLDestroy(list);
    GDALClose(ds);
  }
  if (files.empty()) files.push_back(path);
  for (const std::string& f : files) out.push_back({{"file", f}, {"sha256", sha256_of(f)}});
  return out;
}

nlohmann::json run_json(const RunRecord& record, const Settings& settings,
                        const ReviewResult& result) {
  nlohmann::json j;
  j["tool"] = {{"name", "muyield"}, {"version", MUYIELD_VERSION}, {"libraries", library_versions()}};
  j["command_line"] = nlohmann::json::array();
  for (const std::string& arg : record.command_line)
    j["command_line"].push_back(redact_connection(arg));
  j["started"] = record.started;
  j["finished"] = record.finished;
  j["year"] = result.year;
  j["evaluation_date"] = result.evaluation_date.iso();
  j["area_method"] = settings.review.area_method == AreaMethod::geodesic
                         ? "geodesic (CGCS2000 ellipsoid, PROJ geod_polygonarea)"
                         : "planar (CGCS2000 3-degree Gauss-Kruger zone nearest the centroid)";
  nlohmann::json inputs = nlohmann::json::array();
  for (const InputReport& r : record.inputs) {
    nlohmann::json i = {
        {"input", r.input},
        {"source", r.source},
        {"driver", r.driver},
        {"rows", r.rows},
        {"header_row", r.header_row},
        {"checksums", r.content_sha256.empty()
                          ? input_checksums(r.source)
                          : nlohmann::json::array({{{"rows_sha256", r.content_sha256}}})},
        {"recognition", recognition_json(r.recognition)}};
    if (!r.layer.empty()) i["layer"] = r.layer;
    if (!r.encoding.empty()) i["encoding"] = r.encoding;
    if (!r.encoding_note.empty()) i["encoding_note"] = r.encoding_note;
    if (!r.crs.empty()) i["crs"] = r.crs;
    inputs.push_back(i);
  }
  j["inputs"] = inputs;
  nlohmann::json counts = nlohmann::json::array();
  for (const InputCount& c : result.counts)
    counts.push_back({{"input", c.input},
                      {"source", c.source},
                      {"read", c.read},
                      {"used", c.used},
                      {"rejected", c.rejected},
                      {"skipped_other_years", c.skipped}});
  j["records"] = counts;
  std::size_t by_severity[3] = {0, 0, 0};
  for (const Issue& i : result.issues) ++by_severity[static_cast<int>(i.severity)];
  j["issues"] = {{"reject", by_severity[0]}, {"warning", by_severity[1]}, {"error", by_severity[2]}};
  nlohmann::json benchmarks = nlohmann::json::array();
  for (const GroupBenchmark& b : result.benchmarks) {
    nlohmann::json x = {{"group", std::string(group_key(b.group))},
                        {"indicator", std::string(info(b.indicator).key)},
                        {"weight", b.weight},
                        {"fixed", b.fixed},
                        {"firms_with_indicator", b.n_with},
                        {"mean_score", b.mean_score}};
    x["benchmark"] = b.benchmark ? nlohmann::json(*b.benchmark) : nlohmann::json(nullptr);
    benchmarks.push_back(x);
  }
  j["benchmarks"] = benchmarks;
  nlohmann::json parks = nlohmann::json::array();
  for (const ParkSummary& p : result.parks) {
    auto opt = [](const std::optional<double>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
    nlohmann::json flags = nlohmann::json::object();
    for (Flag f : kAllFlags) flags[std::string(flag_key(f))] = p.flag_counts[static_cast<int>(f)];
    nlohmann::json classes = nlohmann::json::object();
    for (Group g : kGroups)
      for (Grade k : kAllGrades)
        classes[std::string(group_key(g)) + "_" + std::string(grade_key(k))] =
            p.class_counts[static_cast<int>(g)][static_cast<int>(k)];
    parks.push_back({{"park", p.park},
                     {"parcel_count", p.parcel_count},
                     {"total_mu", p.total_mu},
                     {"supplied_mu", p.supplied_mu},
                     {"occupied_mu", p.occupied_mu},
                     {"idle_mu", p.idle_mu},
                     {"idle_rate", opt(p.idle_rate)},
                     {"coverage", opt(p.coverage)},
                     {"far", opt(p.far)},
                     {"tax_per_mu", opt(p.tax_per_mu)},
                     {"revenue_per_mu", opt(p.revenue_per_mu)},
                     {"va_per_mu", opt(p.va_per_mu)},
                     {"classes", classes},
                     {"flags", flags},
                     {"flagged_count", p.flagged_count},
                     {"flagged_mu", p.flagged_mu}});
  }
  j["parks"] = parks;
  nlohmann::json timings = nlohmann::json::object();
  for (const StageTiming& t : record.extra_timings) timings[t.stage] = t.seconds;
  for (const StageTiming& t : result.timings) timings[t.stage] = t.seconds;
  j["timings_seconds"] = timings;
  j["settings"] = settings_to_json(settings);
  j["outputs"] = record.outputs;
  return j;
}

void write_json(const std::string& path, const nlohmann::json& document) {
  write_file_atomically(path, document.dump(2) + '\n');
}

}  // namespace muyield::io
