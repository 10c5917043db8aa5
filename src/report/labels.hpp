// Chinese wording shared by the workbook and the report.
#pragma once

#include <string>
#include <string_view>

#include "muyield/config.hpp"
#include "muyield/result.hpp"

namespace muyield::report {

// "规上" / "规下".
std::string_view group_label(Group g);
// "A 优先发展类" with the configured label; "不参评" for unrated.
std::string class_text(Grade g, const ReviewConfig& config);
// The park summary's total row ("all") reads 合计（全部园区）.
std::string park_label(std::string_view park);
// The parcel's flags in Chinese, "闲置土地、闲置满两年".
std::string flag_labels(const ParcelResult& p);

}  // namespace muyield::report
