// Text from the data into HTML: the one escaping used by every page muyield writes (the batch
// index here, report.html and appeal.html through report::escape).
#pragma once

#include <string>
#include <string_view>

namespace muyield::io {

// & < > " ' escaped: safe in element content and in quoted attributes.
std::string html_escape(std::string_view text);

}  // namespace muyield::io
