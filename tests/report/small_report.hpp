// The small review (support/small_review.hpp) as the report writers take it, and a page written
// from it and read back.
#pragma once

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "io/output_rows.hpp"
#include "report/report.hpp"
#include "support/small_review.hpp"

namespace muyield::test {

struct SmallReport {
  SmallReview r = small_review();
  io::ParcelRows parcels{r.input, r.result};
  io::EnterpriseRows enterprises{r.input, r.result, r.config};
  io::ParkRows parks{r.result};
  report::ReportInput in{r.input, r.result, r.config, parcels, enterprises, parks};

  // `write(path, in)` into a temporary file named `file`; returns its text.
  template <class Write>
  std::string page(const std::string& file, Write&& write) const {
    const auto path = std::filesystem::temp_directory_path() / file;
    write(path.string(), in);
    std::ifstream f(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(f), {}};
  }
};

}  // namespace muyield::test
