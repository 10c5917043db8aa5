// report.pdf: report.html printed by headless Chromium (the only HTML renderer that lays out
// Chinese text and inline SVG the way the browser shows them).
#pragma once

#include <stdexcept>
#include <string>

namespace muyield::report {

class PdfError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The Chromium executable: $MUYIELD_CHROMIUM, else chromium, chromium-browser, google-chrome
// on PATH; empty when there is none.
std::string find_chromium();

// Prints `html_path` to `pdf_path` (atomically). Throws PdfError with Chromium's last words when
// it fails or takes longer than `timeout_seconds`.
void print_pdf(const std::string& chromium, const std::string& html_path,
               const std::string& pdf_path, int timeout_seconds = 120);

}  // namespace muyield::report
