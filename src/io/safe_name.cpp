#include "io/safe_name.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace muyield::io {

namespace {

// Length of the valid UTF-8 sequence at s[i] (1–4), 0 when invalid.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  std::size_t n = b < 0x80           ? 1
                  : (b >> 5) == 0x6  ? 2
                  : (b >> 4) == 0xE  ? 3
                  : (b >> 3) == 0x1E ? 4
                                     : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return 0;
  if (n == 2 && b < 0xC2) return 0;  // overlong
  return n;
}

bool reserved_device_name(std::string_view name) {
  std::string stem(name.substr(0, name.find('.')));
  for (char& c : stem) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  static const std::array<std::string_view, 4> plain = {"CON", "PRN", "AUX", "NUL"};
  if (std::find(plain.begin(), plain.end(), stem) != plain.end()) return true;
  return stem.size() == 4 && (stem.rfind("COM", 0) == 0 || stem.rfind("LPT", 0) == 0) &&
         stem[3] >= '1' && stem[3] <= '9';
}

}  // namespace

std::string safe_path_component(std::string_view name) {
  constexpr std::size_t kMaxBytes = 120;
  std::string out;
  for (std::size_t i = 0; i < name.size();) {
    const std::size_t n = utf8_length(name, i);
    if (n == 0) {  // invalid byte
      out += '_';
      ++i;
      continue;
    }
    const char c = name[i];
    const bool bad = n == 1 && (static_cast<unsigned char>(c) < 0x20 || c == 0x7F || c == '/' ||
                                c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' ||
                                c == '<' || c == '>' || c == '|');
    if (out.size() + n > kMaxBytes) break;
    if (bad)
      out += '_';
    else
      out.append(name.substr(i, n));
    i += n;
  }
  // No leading dots (".", "..", hidden files) and no trailing dots or spaces (Windows).
  const std::size_t first = out.find_first_not_of(". ");
  out.erase(0, first == std::string::npos ? out.size() : first);
  while (!out.empty() && (out.back() == '.' || out.back() == ' ')) out.pop_back();
  if (out.empty()) return "_";
  if (reserved_device_name(out)) out.insert(out.begin(), '_');
  return out;
}

std::string printable_text(std::string_view name) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (char c : name) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x20 || b == 0x7F) {
      out += "\\x";
      out += hex[b >> 4];
      out += hex[b & 15];
    } else {
      out += c;
    }
  }
  return out;
}

std::filesystem::path child_path(const std::filesystem::path& base, std::string_view component) {
  const std::string safe = safe_path_component(component);
  const std::filesystem::path child = (base / safe).lexically_normal();
  const std::filesystem::path rel = child.lexically_relative(base.lexically_normal());
  if (rel.empty() || *rel.begin() == ".." || rel.is_absolute() || rel != safe)
    throw std::logic_error("unsafe output path for " + std::string(component));
  return child;
}

}  // namespace muyield::io
