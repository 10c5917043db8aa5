// Progress of long stages, reported by the core and shown by the CLI (or ignored).
#pragma once

#include <cstddef>
#include <string_view>

namespace muyield {

class Progress {
 public:
  virtual ~Progress() = default;
  // A stage with `total` units of work starts (0 = unknown).
  virtual void begin(std::string_view /*stage*/, std::size_t /*total*/) {}
  // `done` more units finished; may be called from several threads at once.
  virtual void advance(std::size_t /*done*/) {}
  virtual void end() {}
};

}  // namespace muyield
