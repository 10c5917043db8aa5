// A property that must hold for every input of a fuzz target: when it does not, the target
// aborts with the property's text, so libFuzzer keeps the input as a crash to reproduce.
#pragma once

#include <cstdio>
#include <cstdlib>

#define MUYIELD_FUZZ_CHECK(condition)                                                         \
  do {                                                                                        \
    if (!(condition)) {                                                                       \
      std::fprintf(stderr, "%s:%d: property violated: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                           \
    }                                                                                         \
  } while (false)
