// The QGIS styles of styles/ (compiled in, so the binary needs no styles folder) and what a run
// fills into them: the quantile breaks of the tax-per-mu style depend on the review's figures.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace muyield::io {

// File name ("parcels_class.qml") → text; generated from styles/ at build time.
const std::map<std::string_view, std::string_view>& style_files();

// The text of one embedded style; throws std::out_of_range naming the file when absent.
std::string_view embedded_style(std::string_view file_name);

// n + 1 class breaks at the quantiles 0, 1/n, …, 1 of `values` (linear interpolation between
// order statistics, as QGIS's "Quantile (Equal Count)" does); empty input gives n + 1 zeros.
std::vector<double> quantile_breaks(std::vector<double> values, int n);

// Replaces {{b0}} … {{bn}} by the breaks and {{l1}} … {{ln}} by "lower - upper" labels
// (2 decimals) in a style template (styles/parcels_tax_per_mu.*).
std::string fill_breaks(std::string_view style_template, const std::vector<double>& breaks);

}  // namespace muyield::io
