#include "cli/messages.hpp"

#include <array>
#include <atomic>
#include <cstdlib>
#include <cstring>

namespace muyield::cli {

namespace {

struct Entry {
  Msg id;
  const char* en;
  const char* zh;
};

// clang-format off
constexpr Entry kCatalogue[] = {
  {Msg::app_description,
   "muyield — output-per-mu (亩均论英雄) review of industrial land",
   "muyield — 亩均论英雄 工业用地亩均效益综合评价"},
  {Msg::app_footer,
   "Examples:\n"
   "  muyield init review.toml                   write the commented default settings\n"
   "  muyield validate --parcels parcels.shp --enterprises enterprises.xlsx\n"
   "  muyield analyze --parcels parcels.shp --enterprises enterprises.xlsx --year 2024 --out out/2024\n"
   "  muyield batch batch.toml --jobs 2          every park and year of a batch file\n"
   "  muyield compare --from out/2023 --to out/2024 --out cmp\n"
   "`muyield <command> --help` shows a command's options. Exit status: 0 done, 1 done with\n"
   "rejects (--strict, validate), 2 unusable input or arguments. Messages follow LANG; --lang zh|en.",
   "示例：\n"
   "  muyield init review.toml                   写出带注释的默认评价参数\n"
   "  muyield validate --parcels parcels.shp --enterprises enterprises.xlsx\n"
   "  muyield analyze --parcels parcels.shp --enterprises enterprises.xlsx --year 2024 --out out/2024\n"
   "  muyield batch batch.toml --jobs 2          按批处理文件评价各园区、各年度\n"
   "  muyield compare --from out/2023 --to out/2024 --out cmp\n"
   "`muyield <命令> --help` 显示该命令的选项。退出状态：0 完成，1 完成但有拒收记录（--strict、\n"
   "validate），2 输入或参数不可用。提示语言随 LANG；可用 --lang zh|en 指定。"},
  {Msg::analyze_description, "run one review", "运行一次评价"},
  {Msg::analyze_footer,
   "Example:\n  muyield analyze --parcels data/dexing/parcels.shp \\\n"
   "    --enterprises data/dexing/enterprises.xlsx --buildings data/dexing/buildings.shp \\\n"
   "    --links data/dexing/links.csv --year 2024 --out out/dexing-2024",
   "示例：\n  muyield analyze --parcels data/dexing/parcels.shp \\\n"
   "    --enterprises data/dexing/enterprises.xlsx --buildings data/dexing/buildings.shp \\\n"
   "    --links data/dexing/links.csv --year 2024 --out out/dexing-2024"},
  {Msg::batch_description,
   "run the reviews of a batch file (parks × years) and compare the years",
   "按批处理文件运行多次评价（园区 × 年度）并做年度对比"},
  {Msg::batch_footer,
   "Example:\n  muyield batch data/dexing/batch.toml --jobs 2 --out out/batch\n"
   "Writes <out>/<park>/<year>/ per review, <out>/<park>/compare_<y1>_<y2>/ between consecutive\n"
   "years, batch_summary.csv and index.html. A review that fails does not stop the others; the\n"
   "exit status is 2 when any failed. The batch file format is described in data/dexing/batch.toml.",
   "示例：\n  muyield batch data/dexing/batch.toml --jobs 2 --out out/batch\n"
   "每次评价写入 <out>/<园区>/<年度>/，相邻年度的对比写入 <out>/<园区>/compare_<年1>_<年2>/，\n"
   "另写 batch_summary.csv 和 index.html。某次评价失败不影响其余评价；有失败时退出状态为 2。\n"
   "批处理文件格式见 data/dexing/batch.toml。"},
  {Msg::compare_description,
   "compare two reviews (year over year): indicator, score, rank, class and flag changes",
   "对比两次评价（逐年）：指标、得分、排名、类别和问题标记的变化"},
  {Msg::compare_footer,
   "Example:\n  muyield compare --from out/2023 --to out/2024 --out cmp\n"
   "Reads enterprises.csv and parcels.csv of both folders; writes enterprise_changes.csv,\n"
   "class_migration.csv and parcel_flag_changes.csv.",
   "示例：\n  muyield compare --from out/2023 --to out/2024 --out cmp\n"
   "读取两个目录中的 enterprises.csv 和 parcels.csv；写出 enterprise_changes.csv、\n"
   "class_migration.csv 和 parcel_flag_changes.csv。"},
  {Msg::init_description,
   "write the commented default review.toml",
   "写出带注释的默认评价参数文件 review.toml"},
  {Msg::init_footer,
   "Example:\n  muyield init review.toml\n  muyield analyze ... --config review.toml",
   "示例：\n  muyield init review.toml\n  muyield analyze ... --config review.toml"},
  {Msg::validate_description,
   "check the inputs without analysing: recognised fields, units, rejects, counts",
   "只检查输入、不做评价：识别的字段、单位、拒收记录、数量"},
  {Msg::validate_footer,
   "Example:\n  muyield validate --parcels data/dexing/parcels.shp \\\n"
   "    --enterprises data/dexing/enterprises.xlsx --links data/dexing/links.csv\n"
   "Exit status: 0 usable, 1 usable with rejected records, 2 unusable.",
   "示例：\n  muyield validate --parcels data/dexing/parcels.shp \\\n"
   "    --enterprises data/dexing/enterprises.xlsx --links data/dexing/links.csv\n"
   "退出状态：0 可用，1 可用但有拒收记录，2 不可用。"},

  {Msg::summary_title, "Output-per-mu review {} (evaluation date {})", "亩均效益评价 {}（评价基准日 {}）"},
  {Msg::summary_counts, "  parcels {}, enterprises {}, flagged parcels {}",
   "  宗地 {} 宗，企业 {} 家，有问题标记的宗地 {} 宗"},
  {Msg::summary_issues, "  rejects {}, warnings {}, errors {} (see rejects.csv)",
   "  拒收 {} 条，警告 {} 条，错误 {} 条（见 rejects.csv）"},
  {Msg::summary_group_above, "Group above (规上)", "规上企业"},
  {Msg::summary_group_below, "Group below (规下)", "规下企业"},
  {Msg::summary_classes, "{}: A {}, B {}, C {}, D {}, unrated {}",
   "{}：A 类 {}，B 类 {}，C 类 {}，D 类 {}，不参评 {}"},
  {Msg::summary_rank_line, "  {}. {}  {}  score {}  tax per mu {} 万元/亩",
   "  {}. {}  {}  得分 {}  亩均税收 {} 万元/亩"},
  {Msg::summary_results_in, "Results in {}/: {}", "结果在 {}/：{}"},

  {Msg::init_wrote, "wrote {} (every setting at its default; delete what you do not change)",
   "已写出 {}（所有参数均为默认值；不改的可删去）"},
  {Msg::init_exists, "{} exists; not overwritten (use --force to replace it)",
   "{} 已存在，未覆盖（如需替换请加 --force）"},

  {Msg::validate_title, "Input check (no analysis), review year {}", "输入检查（不做评价），评价年度 {}"},
  {Msg::validate_input, "\n[{}] {}", "\n[{}] {}"},
  {Msg::validate_driver, "  format {}, {} rows{}", "  格式 {}，{} 行{}"},
  {Msg::validate_crs, "  CRS: {}", "  坐标系：{}"},
  {Msg::validate_header_row, ", header in row {}", "，表头在第 {} 行"},
  {Msg::validate_recognised, "  recognised fields (header → field, unit):",
   "  识别的字段（表头 → 字段，单位）："},
  {Msg::validate_field_line, "    {} → {}{}{}", "    {} → {}{}{}"},
  {Msg::validate_unit_header, "unit {} from the header{}", "表头单位 {}{}"},
  {Msg::validate_unit_assumed, "unit assumed: {}", "未注明单位，按 {} 计"},
  {Msg::validate_unit_none, "", ""},
  {Msg::validate_unknown, "  not used (no such field): {}", "  未使用的列（不是已知字段）：{}"},
  {Msg::validate_warning, "  warning: {}", "  警告：{}"},
  {Msg::validate_years, "  years in the table: {}; rows of {}: {}", "  表中年度：{}；{} 年的行数：{}"},
  {Msg::validate_issue_counts, "\nWould be rejected: {} (records {}), warnings {}, errors {}",
   "\n将被拒收：{} 条（整条记录 {} 条），警告 {} 条，错误 {} 条"},
  {Msg::validate_issue_line, "  {} {}: {} row {}, field {}, value \"{}\": {}",
   "  {} {}：{} 第 {} 行，字段 {}，值“{}”：{}"},
  {Msg::validate_more_issues, "  … and {} more (muyield analyze writes them all to rejects.csv)",
   "  ……另有 {} 条（muyield analyze 会全部写入 rejects.csv）"},
  {Msg::validate_verdict_ok, "\nThe inputs are usable; nothing would be rejected.",
   "\n输入可用，没有将被拒收的记录。"},
  {Msg::validate_verdict_rejects, "\nThe inputs are usable; {} records or fields would be rejected (exit status 1).",
   "\n输入可用，但有 {} 条记录或字段将被拒收（退出状态 1）。"},
  {Msg::validate_verdict_unusable, "Unusable input (exit status 2): {}", "输入不可用（退出状态 2）：{}"},

  {Msg::batch_plan, "batch {}: {} reviews of {} parks, {} at a time, output in {}",
   "批处理 {0}：{2} 个园区共 {1} 次评价，同时运行 {3} 个，输出到 {4}"},
  {Msg::batch_review_ok, "{} {}: done in {:.1f} s", "{} {}：完成，用时 {:.1f} 秒"},
  {Msg::batch_review_failed, "{} {}: FAILED: {}", "{} {}：失败：{}"},
  {Msg::batch_table_header, "park | year | status | parcels | enterprises | A/B/C/D | rejects | seconds | folder or reason",
   "园区 | 年度 | 状态 | 宗地 | 企业 | A/B/C/D | 拒收 | 用时(秒) | 目录或失败原因"},
  {Msg::batch_status_ok, "ok", "完成"},
  {Msg::batch_status_failed, "FAILED", "失败"},
  {Msg::batch_done, "{1} of {0} reviews done in {2:.1f} s", "{0} 次评价中完成 {1} 次，用时 {2:.1f} 秒"},
  {Msg::batch_failed_count, "{} reviews failed (see the table above and batch_summary.csv)",
   "{} 次评价失败（见上表和 batch_summary.csv）"},
  {Msg::batch_compare_written, "compared {} {} → {}: {}", "已对比 {} {} → {}：{}"},
  {Msg::batch_compare_skipped, "not compared {} {} → {}: a review failed",
   "未对比 {} {} → {}：有评价失败"},
  {Msg::batch_written, "Summary: {}  Index: {}", "汇总：{}  索引：{}"},

  {Msg::compare_summary_enterprises, "enterprises: {} in both years, {} appeared, {} disappeared",
   "企业：两年都有 {} 家，新出现 {} 家，消失 {} 家"},
  {Msg::compare_summary_classes, "class: {} up, {} down, {} unchanged (of those rated both years)",
   "类别：上升 {} 家，下降 {} 家，不变 {} 家（两年均参评者）"},
  {Msg::compare_summary_parcels, "parcels: {} with changed flags, {} appeared, {} disappeared",
   "宗地：问题标记有变化 {} 宗，新出现 {} 宗，消失 {} 宗"},
  {Msg::compare_written, "Results in {}/: enterprise_changes.csv, class_migration.csv, parcel_flag_changes.csv",
   "结果在 {}/：enterprise_changes.csv、class_migration.csv、parcel_flag_changes.csv"},
};
// clang-format on

constexpr bool catalogue_complete() {
  if (std::size(kCatalogue) != static_cast<std::size_t>(Msg::count_)) return false;
  for (std::size_t i = 0; i < std::size(kCatalogue); ++i)
    if (static_cast<std::size_t>(kCatalogue[i].id) != i) return false;
  return true;
}
static_assert(catalogue_complete(), "kCatalogue must list every Msg once, in enum order");

std::atomic<Lang> g_lang{Lang::en};

std::string_view lower_prefix(std::string_view text, std::string& buf) {
  buf.assign(text);
  for (char& c : buf) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  for (char& c : buf) c = c == '-' ? '_' : c;
  return buf;
}

}  // namespace

std::optional<Lang> lang_from_text(std::string_view text) {
  std::string buf;
  const std::string_view t = lower_prefix(text, buf);
  if (t == "zh" || t.rfind("zh_cn", 0) == 0 || t.rfind("zh_sg", 0) == 0 ||
      t.rfind("zh_hans", 0) == 0)
    return Lang::zh;
  if (t == "en" || t.rfind("en_", 0) == 0 || t.rfind("en.", 0) == 0 || t == "c" ||
      t.rfind("c.", 0) == 0 || t == "posix")
    return Lang::en;
  return std::nullopt;
}

Lang lang_from_environment() {
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(name);
    if (!v || !*v) continue;
    return lang_from_text(v) == Lang::zh ? Lang::zh : Lang::en;
  }
  return Lang::en;
}

Lang lang_for_command_line(int argc, const char* const* argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    std::optional<Lang> l;
    if (a == "--lang" && i + 1 < argc)
      l = lang_from_text(argv[i + 1]);
    else if (a.rfind("--lang=", 0) == 0)
      l = lang_from_text(a.substr(7));
    if (l) return *l;
  }
  return lang_from_environment();
}

void set_lang(Lang lang) { g_lang = lang; }
Lang current_lang() { return g_lang; }

std::string_view tr(Msg id) {
  const Entry& e = kCatalogue[static_cast<std::size_t>(id)];
  return g_lang.load() == Lang::zh ? e.zh : e.en;
}

}  // namespace muyield::cli
