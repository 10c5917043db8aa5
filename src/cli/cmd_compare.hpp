// muyield compare --from DIR --to DIR --out DIR: year-over-year changes between two reviews.
#pragma once

#include <ostream>
#include <string>

#include "cli/command.hpp"
#include "io/compare_runs.hpp"

namespace muyield::cli {

struct GlobalOptions;

class CompareCommand final : public Command {
 public:
  explicit CompareCommand(const GlobalOptions& global) : global_(global) {}
  CLI::App* add_to(CLI::App& app) override;
  int run() override;

 private:
  const GlobalOptions& global_;
  std::string from_, to_, out_;
};

// The lines printed after a comparison (also by batch, per park).
void print_compare_counts(std::ostream& out, const io::CompareCounts& n, const std::string& indent);

}  // namespace muyield::cli
