// Reads the inputs of one review through GDAL into the core's model (model.hpp): field
// recognition, units, encodings, CRSs. Records with unreadable fields are kept with the field
// missing; the issue names file, row and field.
#pragma once

#include <string>
#include <vector>

#include "io/fields.hpp"
#include "io/settings.hpp"
#include "muyield/issue.hpp"
#include "muyield/model.hpp"

namespace muyield::io {

struct InputPaths {
  std::string parcels;
  std::string enterprises;  // optional
  std::string buildings;    // optional
  std::string links;        // optional
};

// What the reader recognised in one input (for `muyield validate` and run.json).
struct InputReport {
  std::string input;  // "parcels", …
  std::string source;
  std::string layer;           // layer, table or SQL query as given; empty = the first layer
  std::string content_sha256;  // databases: SHA-256 of the rows (pg_checksum.hpp)
  std::string driver;
  std::string encoding;
  std::string encoding_note;
  std::string crs;  // name of the CRS in force (geometry inputs)
  int header_row = 0;
  long rows = 0;
  Recognition recognition;
};

struct ReadResult {
  ReviewInput input;
  Issues issues;  // field-level rejects and warnings, in input order
  std::vector<InputReport> reports;
};

// Throws InputError for a whole input that cannot be used.
ReadResult read_inputs(const InputPaths& paths, const InputOptions& options);

// The pieces (each in its own file).
void read_parcels(const std::string& path, const InputOptions& options, ReadResult& out);
void read_buildings(const std::string& path, const InputOptions& options, ReadResult& out);
void read_enterprises(const std::string& path, const InputOptions& options, ReadResult& out);
void read_links(const std::string& path, const InputOptions& options, ReadResult& out);

SupplyStatus parse_supply_status(std::string_view text);

class TableSource;
struct RecognizedField;
// Shared by the readers: the review.toml mapping of a table, the report of a table, and a required field (InputError if absent).
std::map<std::string, std::string> field_mapping(const InputOptions& options, TableKind kind);
InputReport describe(const TableSource& table, std::string input);
const RecognizedField* require_field(const TableSource& table, std::string_view canonical,
                                     std::string_view table_key);
// Adds a warning when a credit code fails its GB 32100 check digit; returns whether it passed.
bool check_uscc(const std::string& uscc, const SourceRow& where, std::string_view field,
                Issues& issues);

}  // namespace muyield::io
