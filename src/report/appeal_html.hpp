// appeal.html: one printable page per enterprise for the appeal (申诉/复核) meeting — its figures,
// each indicator against the group benchmark, how its total is made, its class, how stable the
// class is, and what it would take to change class. Self-contained; every text escaped.
#pragma once

#include <cstddef>
#include <string>

#include "report/report.hpp"

namespace muyield::report {

// At most `max_pages` pages: a province's review has 10⁵–10⁶ firms, gigabytes of pages nobody
// prints. Beyond it the pages kept are the firms an officer must defend first: D class and
// unstable classes, then C, then the others, each worst rank first; the first page says so.
void write_appeal_html(const std::string& path, const ReportInput& in,
                       std::size_t max_pages = 5000);

}  // namespace muyield::report
