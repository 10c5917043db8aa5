// A synthetic county in memory for benchmarks: a grid of square parcels in EPSG:4527 (GK zone 39,
// x with the zone prefix), ~3 buildings per built parcel (one crossing into the next parcel, two
// overlapping), one enterprise per parcel holding it. Deterministic by seed.
#pragma once

#include <cstdint>

#include "muyield/model.hpp"

namespace muyield::bench {

ReviewInput synthetic_review(int n_parcels, std::uint64_t seed = 42);

}  // namespace muyield::bench
