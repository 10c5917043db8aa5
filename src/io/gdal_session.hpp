// GDAL on the outside of the house: registration once, and GDAL's own error messages captured
// (not printed) so that they can be folded into our messages.
#pragma once

#include <string>
#include <vector>

namespace muyield::io {

// Registers the drivers once; cheap to call again.
void ensure_gdal();

// While alive, GDAL errors and warnings raised on this thread are collected instead of printed.
class GdalMessages {
 public:
  GdalMessages();
  ~GdalMessages();
  GdalMessages(const GdalMessages&) = delete;
  GdalMessages& operator=(const GdalMessages&) = delete;
  const std::vector<std::string>& errors() const { return errors_; }
  const std::vector<std::string>& warnings() const { return warnings_; }
  std::string last_error() const { return errors_.empty() ? std::string() : errors_.back(); }

  // GDAL's handler calls this with the object as user data.
  void collect(bool is_error, const char* message) {
    (is_error ? errors_ : warnings_).push_back(message ? message : "");
  }

 private:
  std::vector<std::string> errors_, warnings_;
};

// "GDAL 3.6.2, GEOS 3.11.1, PROJ 9.1.1"
std::string library_versions();

}  // namespace muyield::io
