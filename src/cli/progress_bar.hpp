// Progress of long stages on stderr: a bar when stderr is a terminal, nothing otherwise, or
// (--progress=lines) one machine-readable line per whole percent for callers such as the QGIS
// plugin: `PROGRESS <percent> <stage>`, percent of the whole run, never decreasing, 100 last.
#pragma once

#include <atomic>
#include <chrono>
#include <mutex>
#include <string>

#include "muyield/progress.hpp"

namespace muyield::cli {

enum class ProgressMode { none, bar, lines };

class ProgressBar final : public Progress {
 public:
  explicit ProgressBar(bool enabled);  // bar or none
  explicit ProgressBar(ProgressMode mode);
  void begin(std::string_view stage, std::size_t total) override;
  void advance(std::size_t done) override;
  void end() override;

  // Lines mode: how many stages (begin/end pairs) the run will have, so that the percent covers
  // the whole run; each stage gets an equal share. Extra stages just hold at 99.
  void expect_stages(std::size_t stages) { stages_ = stages ? stages : 1; }
  // Lines mode: `PROGRESS 100 done` once the outputs are in place.
  void finish();

 private:
  void draw(bool final);
  void print_line(bool force);
  ProgressMode mode_;
  std::string stage_;
  std::size_t total_ = 0;
  std::atomic<std::size_t> done_{0};
  std::mutex mutex_;
  std::chrono::steady_clock::time_point start_, last_draw_;
  std::size_t stages_ = 1, stage_index_ = 0;  // lines mode
  bool ended_ = false;                        // lines mode: the stage's end() came
  int printed_ = -1;                          // lines mode: last percent printed
};

// Should progress be drawn: stderr is a terminal and not --quiet.
bool progress_wanted(bool quiet);

// --progress auto|lines|none with --quiet: lines are for programs, so -q does not silence them.
ProgressMode progress_mode(const std::string& option, bool quiet);

}  // namespace muyield::cli
