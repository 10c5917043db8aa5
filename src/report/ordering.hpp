// The row orders the workbook and the report share, so that both list the same rows alike.
#pragma once

#include <vector>

#include "report/report.hpp"

namespace muyield::report {

// Indices into result.enterprises of one group: ranked firms by rank, then the unrated by
// credit code.
std::vector<std::size_t> ranking_order(const ReportInput& in, Group group);

// Indices into result.parcels of the flagged parcels, by park and then parcel id.
std::vector<std::size_t> flagged_order(const ReportInput& in);

}  // namespace muyield::report
