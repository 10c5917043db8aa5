// Progress of long stages on stderr: a bar when stderr is a terminal, nothing otherwise.
#pragma once

#include <atomic>
#include <chrono>
#include <mutex>
#include <string>

#include "muyield/progress.hpp"

namespace muyield::cli {

class ProgressBar final : public Progress {
 public:
  explicit ProgressBar(bool enabled);
  void begin(std::string_view stage, std::size_t total) override;
  void advance(std::size_t done) override;
  void end() override;

 private:
  void draw(bool final);
  bool enabled_;
  std::string stage_;
  std::size_t total_ = 0;
  std::atomic<std::size_t> done_{0};
  std::mutex mutex_;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

// Should progress be drawn: stderr is a terminal and not --quiet.
bool progress_wanted(bool quiet);

}  // namespace muyield::cli
