// Outputs are written under a temporary name in the output folder and renamed into place when
// complete, so a run that fails or is killed leaves the previous file intact.
#pragma once

#include <string>
#include <string_view>

namespace muyield::io {

class PendingFile {
 public:
  explicit PendingFile(std::string final_path);
  ~PendingFile();  // removes the temporary file unless committed
  PendingFile(const PendingFile&) = delete;
  PendingFile& operator=(const PendingFile&) = delete;

  // Same folder and extension as the final file (GDAL picks formats by extension).
  const std::string& temp_path() const { return temp_; }
  const std::string& final_path() const { return final_; }
  void commit();  // atomic rename; throws std::runtime_error when it fails

 private:
  std::string final_, temp_;
  bool committed_ = false;
};

// Writes `text` as the whole file through a PendingFile; OutputError when it cannot.
void write_file_atomically(const std::string& path, std::string_view text);

}  // namespace muyield::io
