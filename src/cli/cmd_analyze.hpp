// muyield analyze: one review from files (or PostGIS) to the output folder.
#pragma once

#include "cli/command.hpp"
#include "cli/input_options.hpp"
#include "cli/output_formats.hpp"
#include "io/write_postgis.hpp"

namespace muyield::cli {

struct GlobalOptions;

class AnalyzeCommand final : public Command {
 public:
  explicit AnalyzeCommand(const GlobalOptions& global) : global_(global) {}
  CLI::App* add_to(CLI::App& app) override;
  int run() override;

 private:
  const GlobalOptions& global_;
  InputOptions inputs_;
  OutputFormats formats_;
  std::string out_;
  io::PostgisTarget database_;  // --out-db, --out-schema
  bool strict_ = false;
  int threads_ = 0;
  int top_ = 10;
};

}  // namespace muyield::cli
