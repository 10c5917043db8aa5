// The command line's own texts (help headlines, summary, validate report, batch table) in
// English and Chinese. The language follows LC_ALL, LC_MESSAGES, LANG (the POSIX order: the
// first one set decides): Chinese for zh_CN* (and zh_SG*, zh_Hans*), English otherwise; --lang
// overrides. Field names, file names and the English column keys are never translated.
#pragma once

#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace muyield::cli {

enum class Lang { en, zh };

// From the environment, as described above.
Lang lang_from_environment();
// "zh", "zh_CN", "zh-CN.UTF-8", "en", "C", …; none when neither English nor Chinese.
std::optional<Lang> lang_from_text(std::string_view text);
// The language of this run: --lang found in argv (before parsing, as help texts need it),
// else the environment.
Lang lang_for_command_line(int argc, const char* const* argv);

void set_lang(Lang lang);
Lang current_lang();

enum class Msg {
  // Help
  app_description,
  app_footer,
  analyze_description,
  analyze_footer,
  batch_description,
  batch_footer,
  compare_description,
  compare_footer,
  init_description,
  init_footer,
  validate_description,
  validate_footer,
  // Summary of one review
  summary_title,
  summary_counts,
  summary_issues,
  summary_group_above,
  summary_group_below,
  summary_classes,
  summary_rank_line,
  summary_results_in,
  // init
  init_wrote,
  init_exists,
  // validate
  validate_title,
  validate_input,
  validate_driver,
  validate_crs,
  validate_header_row,
  validate_recognised,
  validate_field_line,
  validate_unit_header,
  validate_unit_assumed,
  validate_unit_none,
  validate_unknown,
  validate_warning,
  validate_years,
  validate_issue_counts,
  validate_issue_line,
  validate_more_issues,
  validate_verdict_ok,
  validate_verdict_rejects,
  validate_verdict_unusable,
  // batch
  batch_plan,
  batch_review_ok,
  batch_review_failed,
  batch_table_header,
  batch_status_ok,
  batch_status_failed,
  batch_done,
  batch_failed_count,
  batch_compare_written,
  batch_compare_skipped,
  batch_written,
  // compare
  compare_summary_enterprises,
  compare_summary_classes,
  compare_summary_parcels,
  compare_written,
  count_  // number of messages
};

std::string_view tr(Msg id);

// tr() with {} placeholders filled (fmt syntax).
template <class... Args>
std::string trf(Msg id, Args&&... args) {
  return fmt::format(fmt::runtime(tr(id)), std::forward<Args>(args)...);
}

}  // namespace muyield::cli
