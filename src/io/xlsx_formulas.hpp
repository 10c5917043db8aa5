// Formula cells of an .xlsx without a saved result. Workbooks written by scripts (openpyxl,
// pandas) and never opened in Excel keep only the formula; GDAL then reads an empty cell, which
// would silently count as missing. The readers reject such cells instead (table_source.cpp).
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <utility>

namespace muyield::io {

// (1-based row, 0-based column) of every cell on the `sheet_index`-th sheet (0-based, in the
// workbook's order, as GDAL numbers its layers) that has a formula and no value. Empty when the
// file cannot be read as a workbook (GDAL's own errors come first).
std::set<std::pair<std::int64_t, int>> xlsx_unsaved_formulas(const std::string& path,
                                                             int sheet_index);

// "D2" → (2, 3); (0, -1) when it is no cell reference.
std::pair<std::int64_t, int> parse_cell_reference(std::string_view ref);

}  // namespace muyield::io
