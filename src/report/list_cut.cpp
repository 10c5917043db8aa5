#include "report/list_cut.hpp"

namespace muyield::report {

std::string left_out_text(std::size_t left_out, std::string_view where_zh,
                          std::string_view where_en) {
  const std::string n = std::to_string(left_out);
  return "…… 中间 " + n + " 行从略，完整名单见 " + std::string(where_zh) + " / " + n +
         " rows left out here: all are in " + std::string(where_en);
}

}  // namespace muyield::report
