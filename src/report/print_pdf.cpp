#include "report/print_pdf.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "io/pending_file.hpp"

extern char** environ;

namespace muyield::report {

namespace fs = std::filesystem;

namespace {

bool executable(const fs::path& p) {
  return ::access(p.c_str(), X_OK) == 0 && !fs::is_directory(p);
}

// A private, removed-afterwards profile folder: Chromium refuses to share one between runs.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "muyield-chromium-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw PdfError("cannot create a temporary folder for Chromium");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::string tail(const fs::path& log, std::size_t lines) {
  std::ifstream in(log);
  std::vector<std::string> all;
  for (std::string line; std::getline(in, line);) all.push_back(line);
  std::string out;
  for (std::size_t i = all.size() > lines ? all.size() - lines : 0; i < all.size(); ++i)
    out += "\n  " + all[i];
  return out;
}

}  // namespace

std::string find_chromium() {
  if (const char* env = std::getenv("MUYIELD_CHROMIUM"); env && *env)
    return executable(env) ? env : "";
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path ? path : "/usr/bin:/bin");
  std::vector<std::string> folders;
  for (std::string d; std::getline(dirs, d, ':');) folders.push_back(d.empty() ? "." : d);
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"})
    for (const std::string& d : folders)
      if (executable(fs::path(d) / name)) return (fs::path(d) / name).string();
  return "";
}

void print_pdf(const std::string& chromium, const std::string& html_path,
               const std::string& pdf_path, int timeout_seconds) {
  io::PendingFile pending(pdf_path);
  TempDir profile;
  const fs::path log = profile.path() / "chromium.log";
  // The flags CLIENTS.md found necessary for a quiet, offline, root-safe headless print.
  std::vector<std::string> args = {chromium,
                                   "--headless",
                                   "--no-sandbox",
                                   "--disable-gpu",
                                   "--disable-quic",
                                   "--no-first-run",
                                   "--disable-background-networking",
                                   "--disable-component-update",
                                   "--disable-sync",
                                   "--user-data-dir=" + (profile.path() / "profile").string(),
                                   "--no-pdf-header-footer",
                                   "--print-to-pdf=" + fs::absolute(pending.temp_path()).string(),
                                   "file://" + fs::absolute(html_path).string()};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  // Own process group, so that a timeout can stop Chromium's helper processes with it.
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attributes, 0);
  pid_t pid = 0;
  const int spawned =
      posix_spawn(&pid, chromium.c_str(), &actions, &attributes, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  if (spawned != 0) throw PdfError("cannot start " + chromium + ": " + std::strerror(spawned));

  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  int status = 0;
  while (::waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(-pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      throw PdfError("Chromium did not finish printing " + html_path + " within " +
                     std::to_string(timeout_seconds) + " s" + tail(log, 5));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  std::error_code ec;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || fs::file_size(pending.temp_path(), ec) == 0)
    throw PdfError("Chromium could not print " + html_path + " to PDF" + tail(log, 5));
  pending.commit();
}

}  // namespace muyield::report
