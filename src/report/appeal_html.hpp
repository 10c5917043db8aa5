// appeal.html: one printable page per enterprise for the appeal (申诉/复核) meeting — its figures,
// each indicator against the group benchmark, how its total is made, its class, how stable the
// class is, and what it would take to change class. Self-contained; every text escaped.
#pragma once

#include <string>

#include "report/report.hpp"

namespace muyield::report {

void write_appeal_html(const std::string& path, const ReportInput& in);

}  // namespace muyield::report
