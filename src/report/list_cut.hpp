// Lists longer than a table may show (report.html's tables, rankings.xlsx's lists at a
// province's size) keep their first and last rows, with one row between saying how many are
// left out and which files hold them all.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace muyield::report {

// Calls row(r) for the rows of a list of n that a table of at most max_rows shows — the first
// max_rows / 2 and the last max_rows − max_rows / 2 when n is larger, else all — and, between
// the two parts, gap(left_out).
template <class Row, class Gap>
void for_each_shown(std::size_t n, std::size_t max_rows, Row&& row, Gap&& gap) {
  const std::size_t head = n > max_rows ? max_rows / 2 : n;
  const std::size_t tail_from = n > max_rows ? n - (max_rows - head) : n;
  for (std::size_t r = 0; r < head; ++r) row(r);
  if (head < tail_from) gap(tail_from - head);
  for (std::size_t r = tail_from; r < n; ++r) row(r);
}

// "…… 中间 N 行从略，完整名单见 <where_zh> / N rows left out here: all are in <where_en>"
std::string left_out_text(std::size_t left_out, std::string_view where_zh,
                          std::string_view where_en);

}  // namespace muyield::report
