// muyield batch batch.toml: many reviews (parks × years), in parallel, then the comparison of
// consecutive years per park, batch_summary.csv and index.html.
//
// Reviews run in this process, one per worker thread (--jobs): the review is one function
// (review_job.hpp) shared with analyze; settings are checked and results summarised without
// files passed between processes; cores are shared out (each review's core gets cores/jobs
// threads). The io and core layers keep no global state that reviews could share (GDAL
// messages are collected per thread, PROJ and GEOS contexts per use). A failing review is an
// exception caught on its thread, recorded with its reason, and the others go on.
#pragma once

#include <string>

#include "cli/command.hpp"

namespace muyield::cli {

struct GlobalOptions;

class BatchCommand final : public Command {
 public:
  explicit BatchCommand(const GlobalOptions& global) : global_(global) {}
  CLI::App* add_to(CLI::App& app) override;
  int run() override;

 private:
  const GlobalOptions& global_;
  std::string batch_file_;
  std::string out_;
  int jobs_ = 0;
  bool strict_ = false;
};

}  // namespace muyield::cli
