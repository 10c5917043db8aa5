// METHOD.md §10 "Repair": invalid polygons go through GEOS MakeValid (linework method); only
// polygonal parts are kept; an empty result is unusable. Every change is described so that it
// can be reported (rejects.csv, severity warning).
#pragma once

#include <string>

#include "core/geometry/geos_context.hpp"
#include "muyield/model.hpp"

namespace muyield::geometry {

struct RepairOutcome {
  MultiPolygon geometry;         // valid and polygonal; empty = unusable
  bool changed = false;          // anything below happened
  std::string problem;           // GEOS's validity reason for the input, when invalid
  bool made_valid = false;       // MakeValid ran
  int closed_rings = 0;          // rings whose last point did not repeat the first
  int dropped_rings = 0;         // rings with fewer than 4 points (or 3 distinct)
  int dropped_parts = 0;         // non-polygonal parts MakeValid produced (lines, points)
  bool non_finite = false;       // NaN or infinite coordinates: unusable
  std::string describe() const;  // "自相交 self-intersection at (x y); repaired by MakeValid"
};

RepairOutcome repair(const GeosContext& ctx, const MultiPolygon& input);

// Why a geometry ended up unusable, for its reject: the reader's note when it read nothing.
std::string unusable_reason(const MultiPolygon& input, const std::string& reader_note,
                            const RepairOutcome& outcome);

}  // namespace muyield::geometry
