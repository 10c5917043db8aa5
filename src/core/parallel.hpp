// A minimal fork-join over index ranges: contiguous chunks, one per thread, so that per-chunk
// results can be merged in index order and outputs stay deterministic.
#pragma once

#include <algorithm>
#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

namespace muyield {

inline int resolve_threads(int requested) {
  if (requested > 0) return requested;
  const unsigned hw = std::thread::hardware_concurrency();
  return hw == 0 ? 1 : static_cast<int>(hw);
}

// Calls body(chunk, begin, end) for `chunks` contiguous ranges covering [0, n) on as many
// threads; rethrows the first exception. With one chunk it runs on the calling thread.
template <class Body>
void parallel_chunks(std::size_t n, int chunks, Body&& body) {
  chunks = std::max(1, std::min<int>(chunks, static_cast<int>(std::max<std::size_t>(n, 1))));
  if (chunks == 1) {
    body(0, std::size_t{0}, n);
    return;
  }
  std::vector<std::thread> threads;
  std::vector<std::exception_ptr> errors(chunks);
  for (int c = 0; c < chunks; ++c) {
    const std::size_t begin = n * c / chunks, end = n * (c + 1) / chunks;
    threads.emplace_back([&, c, begin, end] {
      try {
        body(c, begin, end);
      } catch (...) {
        errors[c] = std::current_exception();
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (const std::exception_ptr& e : errors)
    if (e) std::rethrow_exception(e);
}

}  // namespace muyield
