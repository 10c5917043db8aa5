#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace muyield {

// A text that many records share (the input they came from, an issue's reason): one copy however
// many rows hold it — a province's 5·10⁶ records would otherwise carry 5·10⁶ copies of a long
// path, and its 10⁶ overlap warnings 10⁶ copies of one sentence.
class SharedName {
 public:
  SharedName() = default;
  SharedName(const char* text) : SharedName(std::string(text)) {}
  SharedName(std::string text)  // NOLINT: implicit, as Issue{…, "text" + x, …} builds one
      : text_(std::make_shared<const std::string>(std::move(text))) {}
  operator const std::string&() const { return str(); }
  const std::string& str() const {
    static const std::string kNone;
    return text_ ? *text_ : kNone;
  }
  friend bool operator==(const SharedName& a, std::string_view b) { return a.str() == b; }

 private:
  std::shared_ptr<const std::string> text_;
};

}  // namespace muyield
