#include "cli/progress_bar.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>

namespace muyield::cli {

bool progress_wanted(bool quiet) { return !quiet && ::isatty(STDERR_FILENO); }

ProgressMode progress_mode(const std::string& option, bool quiet) {
  if (option == "lines") return ProgressMode::lines;
  if (option == "none") return ProgressMode::none;
  return progress_wanted(quiet) ? ProgressMode::bar : ProgressMode::none;
}

ProgressBar::ProgressBar(bool enabled) : mode_(enabled ? ProgressMode::bar : ProgressMode::none) {}

ProgressBar::ProgressBar(ProgressMode mode) : mode_(mode) {}

void ProgressBar::begin(std::string_view stage, std::size_t total) {
  if (mode_ == ProgressMode::none) return;
  std::lock_guard lock(mutex_);
  stage_ = stage;
  total_ = total;
  done_ = 0;
  start_ = last_draw_ = std::chrono::steady_clock::now();
  if (mode_ == ProgressMode::lines) {
    ++stage_index_;
    ended_ = false;
    print_line(true);  // every stage announces itself, even when the percent has not moved
  }
}

void ProgressBar::advance(std::size_t done) {
  if (mode_ == ProgressMode::none) return;
  done_ += done;
  if (mode_ == ProgressMode::lines) {
    std::lock_guard lock(mutex_);
    print_line(false);
    return;
  }
  const auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(200)) return;
  std::unique_lock lock(mutex_, std::try_to_lock);
  if (!lock) return;
  last_draw_ = now;
  draw(false);
}

void ProgressBar::end() {
  if (mode_ == ProgressMode::none) return;
  std::lock_guard lock(mutex_);
  done_ = total_;
  if (mode_ == ProgressMode::lines) {
    ended_ = true;
    print_line(false);
  } else {
    draw(true);
  }
}

void ProgressBar::finish() {
  if (mode_ != ProgressMode::lines) return;
  std::lock_guard lock(mutex_);
  std::fprintf(stderr, "PROGRESS 100 done\n");
  std::fflush(stderr);
  printed_ = 100;
}

void ProgressBar::print_line(bool force) {
  // A stage without a total (reading the inputs) only moves at its end.
  const std::size_t done = std::min<std::size_t>(done_, total_);
  const double within = ended_   ? 1.0
                        : total_ ? static_cast<double>(done) / static_cast<double>(total_)
                                 : 0.0;
  const double whole = (static_cast<double>(std::min(stage_index_, stages_)) - 1.0 + within) /
                       static_cast<double>(stages_);
  // 100 only from finish(): the outputs are not in place before that.
  const int percent = std::max(printed_, std::min(99, static_cast<int>(whole * 100.0)));
  if (percent == printed_ && !force) return;
  printed_ = percent;
  std::fprintf(stderr, "PROGRESS %d %s\n", percent, stage_.c_str());
  std::fflush(stderr);
}

void ProgressBar::draw(bool final) {
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const std::size_t done = std::min<std::size_t>(done_, total_);
  const int width = 30;
  const int filled = total_ ? static_cast<int>(width * done / total_) : width;
  std::fprintf(stderr, "\r%-36.36s [%.*s%*s] %zu/%zu %.1fs%s", stage_.c_str(), filled,
               "##############################", width - filled, "", done, total_, seconds,
               final ? "\n" : "");
  std::fflush(stderr);
}

}  // namespace muyield::cli
