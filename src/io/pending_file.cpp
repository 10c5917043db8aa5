#include "io/pending_file.hpp"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <system_error>

namespace muyield::io {

PendingFile::PendingFile(std::string final_path) : final_(std::move(final_path)) {
  const std::filesystem::path p(final_);
  temp_ = (p.parent_path() / (".tmp-" + std::to_string(::getpid()) + "-" + p.filename().string()))
              .string();
  std::error_code ec;
  std::filesystem::remove_all(temp_, ec);
}

PendingFile::~PendingFile() {
  if (committed_) return;
  std::error_code ec;
  std::filesystem::remove_all(temp_, ec);
}

void PendingFile::commit() {
  std::error_code ec;
  std::filesystem::rename(temp_, final_, ec);
  if (ec) throw std::runtime_error("cannot move " + temp_ + " to " + final_ + ": " + ec.message());
  committed_ = true;
}

}  // namespace muyield::io
