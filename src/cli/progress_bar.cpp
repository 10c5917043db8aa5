#include "cli/progress_bar.hpp"

#include <unistd.h>

#include <cstdio>

namespace muyield::cli {

bool progress_wanted(bool quiet) { return !quiet && ::isatty(STDERR_FILENO); }

ProgressBar::ProgressBar(bool enabled) : enabled_(enabled) {}

void ProgressBar::begin(std::string_view stage, std::size_t total) {
  if (!enabled_) return;
  std::lock_guard lock(mutex_);
  stage_ = stage;
  total_ = total;
  done_ = 0;
  start_ = last_draw_ = std::chrono::steady_clock::now();
}

void ProgressBar::advance(std::size_t done) {
  if (!enabled_) return;
  done_ += done;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(200)) return;
  std::unique_lock lock(mutex_, std::try_to_lock);
  if (!lock) return;
  last_draw_ = now;
  draw(false);
}

void ProgressBar::end() {
  if (!enabled_) return;
  std::lock_guard lock(mutex_);
  done_ = total_;
  draw(true);
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
