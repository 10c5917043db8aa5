#include "io/text_sink.hpp"

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <vector>

#include "core/parallel.hpp"

namespace muyield::io {

TextSink::TextSink(const std::string& path) : path_(path) {
  file_ = std::fopen(path.c_str(), "wb");
  if (!file_)
    throw std::runtime_error("cannot create " + path + ": " + std::strerror(errno) +
                             " (check the output folder exists and is writable)");
  std::setvbuf(file_, nullptr, _IOFBF, 1 << 20);
}

TextSink::~TextSink() {
  if (file_) std::fclose(file_);
}

void TextSink::write(std::string_view text) {
  if (!text.empty() && std::fwrite(text.data(), 1, text.size(), file_) != text.size())
    failed_ = true;
}

void TextSink::close() {
  const bool flushed = std::fflush(file_) == 0;
  const int error = errno;
  const bool closed = std::fclose(file_) == 0;
  file_ = nullptr;
  if (failed_ || !flushed || !closed)
    throw std::runtime_error("cannot write " + path_ + ": " + std::strerror(error) +
                             " (is the disk full?)");
}

void write_blocks(TextSink& sink, std::size_t n, int threads,
                  const std::function<void(std::size_t, std::size_t, std::string&)>& format) {
  constexpr std::size_t kBlock = 4096;
  const int workers = resolve_threads(threads);
  std::vector<std::string> texts(workers);
  for (std::size_t start = 0; start < n; start += kBlock * workers) {
    const std::size_t stop = std::min(n, start + kBlock * workers);
    const std::size_t blocks = (stop - start + kBlock - 1) / kBlock;
    parallel_chunks(blocks, workers, [&](int, std::size_t b0, std::size_t b1) {
      for (std::size_t b = b0; b < b1; ++b) {
        std::string& out = texts[b];
        out.clear();
        format(start + b * kBlock, std::min(stop, start + (b + 1) * kBlock), out);
      }
    });
    for (std::size_t b = 0; b < blocks; ++b) sink.write(texts[b]);
  }
}

}  // namespace muyield::io
