// A packed (bulk-loaded, STR) Boost.Geometry R-tree over boxes, each tagged with an index into
// the caller's array. Multipolygons are indexed part by part so that a far-flung second part
// does not inflate one big box.
#pragma once

#include <boost/geometry/index/rtree.hpp>
#include <boost/iterator/function_output_iterator.hpp>
#include <cstdint>
#include <utility>
#include <vector>

#include "core/geometry/boost_adapt.hpp"

namespace muyield::geometry {

namespace bgi = boost::geometry::index;

class BoxIndex {
 public:
  using Entry = std::pair<Box, std::uint32_t>;

  BoxIndex() = default;
  // Packing happens in the range constructor of the rtree.
  explicit BoxIndex(const std::vector<Entry>& entries) : tree_(entries.begin(), entries.end()) {}

  // One entry per polygon part of each geometry; the tag is the geometry's index.
  static BoxIndex of_parts(const std::vector<const MultiPolygon*>& geometries) {
    std::vector<Entry> entries;
    entries.reserve(geometries.size());
    for (std::uint32_t i = 0; i < geometries.size(); ++i)
      for (const Polygon& p : *geometries[i]) entries.emplace_back(envelope(p), i);
    return BoxIndex(entries);
  }

  // Calls f(tag) for each entry whose box intersects `box` (a tag may come once per part).
  template <class F>
  void for_each_intersecting(const Box& box, F&& f) const {
    tree_.query(bgi::intersects(box),
                boost::make_function_output_iterator([&f](const Entry& e) { f(e.second); }));
  }

  std::size_t size() const { return tree_.size(); }

 private:
  bgi::rtree<Entry, bgi::quadratic<16>> tree_;
};

}  // namespace muyield::geometry
