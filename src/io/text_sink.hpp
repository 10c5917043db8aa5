// Text outputs (CSV, GeoJSON) written straight to a buffered file: GDAL's CSV and GeoJSON drivers
// cost ~20 µs per feature in field bookkeeping and JSON objects, the largest stage of a
// province-scale run, for formats that are a few lines of code. Records are formatted in blocks
// on several threads and written in order, so the bytes do not depend on the thread count.
// GDAL still reads every such file back in the tests (ogrinfo, PyQGIS).
#pragma once

#include <cstdio>
#include <functional>
#include <string>
#include <string_view>

namespace muyield::io {

class TextSink {
 public:
  explicit TextSink(const std::string& path);  // throws std::runtime_error naming the path
  ~TextSink();
  TextSink(const TextSink&) = delete;
  TextSink& operator=(const TextSink&) = delete;

  void write(std::string_view text);
  void close();  // flushes; throws when the disk refused anything

 private:
  std::string path_;
  std::FILE* file_ = nullptr;
  bool failed_ = false;
};

// Calls format(begin, end, out) for blocks of records covering [0, n) — several blocks at once
// on `threads` threads — and writes each block's text to `sink` in record order.
void write_blocks(TextSink& sink, std::size_t n, int threads,
                  const std::function<void(std::size_t, std::size_t, std::string&)>& format);

}  // namespace muyield::io
