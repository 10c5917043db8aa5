// Handing freed memory back to the system. glibc keeps the small blocks a stage frees (a
// province's 3·10⁶ building footprints: ~1.3 GB in 10⁷ blocks) in its heaps, where only
// allocations of the same sizes reuse them; the next stage's large arrays come from fresh pages,
// so the peak memory counted them twice. malloc_trim releases the free pages inside the heaps.
#pragma once

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace muyield {

inline void return_free_memory() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

}  // namespace muyield
