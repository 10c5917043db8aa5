#include "io/pending_file.hpp"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <system_error>

#include "io/output_error.hpp"

namespace muyield::io {

namespace {

// Removes ".tmp-<pid>-<name>" (and SQLite's "-journal", "-wal", "-shm" beside it) left in
// `folder` by runs that were killed (their process is gone), so that a leftover is never mistaken
// for a result. A live process's file is left alone.
void remove_stale_temporaries(const std::filesystem::path& folder, const std::string& name) {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(folder.empty() ? "." : folder, ec)) {
    const std::string file = entry.path().filename().string();
    if (!file.starts_with(".tmp-")) continue;
    const std::size_t dash = file.find('-', 5);
    if (dash == std::string::npos) continue;
    const std::string pid = file.substr(5, dash - 5);
    const std::string rest = file.substr(dash + 1);
    if (!rest.starts_with(name)) continue;
    const std::string suffix = rest.substr(name.size());
    if (suffix != "" && suffix != "-journal" && suffix != "-wal" && suffix != "-shm") continue;
    if (pid.empty() || pid.find_first_not_of("0123456789") != std::string::npos || pid.size() > 9)
      continue;
    if (::kill(static_cast<pid_t>(std::stol(pid)), 0) != 0 && errno == ESRCH)
      std::filesystem::remove_all(entry.path(), ec);
  }
}

}  // namespace

PendingFile::PendingFile(std::string final_path) : final_(std::move(final_path)) {
  const std::filesystem::path p(final_);
  temp_ = (p.parent_path() / (".tmp-" + std::to_string(::getpid()) + "-" + p.filename().string()))
              .string();
  std::error_code ec;
  std::filesystem::remove_all(temp_, ec);
  remove_stale_temporaries(p.parent_path(), p.filename().string());
}

PendingFile::~PendingFile() {
  if (committed_) return;
  std::error_code ec;
  std::filesystem::remove_all(temp_, ec);
  std::filesystem::remove(temp_ + "-journal", ec);  // a SQLite writer's, if any
}

void PendingFile::commit() {
  std::error_code ec;
  std::filesystem::rename(temp_, final_, ec);
  if (ec) throw OutputError("cannot move " + temp_ + " to " + final_ + ": " + ec.message());
  committed_ = true;
}

void write_file_atomically(const std::string& path, std::string_view text) {
  PendingFile pending(path);
  {
    std::ofstream out(pending.temp_path(), std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!out.flush()) throw OutputError("cannot write " + path);
  }
  pending.commit();
}

}  // namespace muyield::io
