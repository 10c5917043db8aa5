#include "io/pg_connection.hpp"

#include <gdal.h>

#include <cctype>
#include <stdexcept>

#include "io/gdal_session.hpp"
#include "io/input_error.hpp"

namespace muyield::io {

namespace {

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  return true;
}

// Replaces the value after each `key` (in `keys`) up to the end of the value: a quoted value
// ends at the closing quote, a bare one at white space, '&' (URI form) or a closing quote of
// the whole PG:"…" string.
std::string redact_values(std::string text, std::string_view key) {
  std::size_t from = 0;
  for (;;) {
    std::size_t at = std::string::npos;
    for (std::size_t i = from; i + key.size() <= text.size(); ++i) {
      const bool boundary = i == 0 || !std::isalnum(static_cast<unsigned char>(text[i - 1]));
      if (boundary && starts_with_ci(std::string_view(text).substr(i), key)) {
        at = i;
        break;
      }
    }
    if (at == std::string::npos) return text;
    std::size_t v = at + key.size();
    while (v < text.size() && text[v] == ' ') ++v;
    if (v >= text.size() || text[v] != '=') {
      from = at + key.size();
      continue;
    }
    ++v;
    while (v < text.size() && text[v] == ' ') ++v;
    std::size_t end = v;
    if (end < text.size() && text[end] == '\'') {
      ++end;
      while (end < text.size() && text[end] != '\'') end += text[end] == '\\' ? 2 : 1;
      end = std::min(text.size(), end + 1);
    } else {
      while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) &&
             text[end] != '&' && text[end] != '"')
        ++end;
    }
    text.replace(v, end - v, "***");
    from = v + 3;
  }
}

}  // namespace

bool is_pg_connection(std::string_view source) {
  return starts_with_ci(source, "pg:") || starts_with_ci(source, "postgresql://") ||
         starts_with_ci(source, "postgres://");
}

std::string redact_connection(std::string_view source) {
  // Also "--parcels=PG:…" on a command line.
  std::string lower(source);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower.find("pg:") == std::string::npos && lower.find("postgres") == std::string::npos)
    return std::string(source);
  std::string out = redact_values(std::string(source), "password");
  // postgresql://user:secret@host/db
  const std::size_t scheme = out.find("://");
  if (scheme != std::string::npos) {
    const std::size_t at = out.find('@', scheme + 3);
    const std::size_t colon = out.find(':', scheme + 3);
    if (at != std::string::npos && colon != std::string::npos && colon < at)
      out.replace(colon + 1, at - colon - 1, "***");
  }
  return out;
}

std::string sql_literal(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\0') throw std::invalid_argument("NUL byte in an SQL string");
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

std::string sql_identifier(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '\0') throw std::invalid_argument("NUL byte in an SQL name");
    if (c == '.') {
      out += "\".\"";
      continue;
    }
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

GDALDatasetH open_pg(const std::string& source, bool update, std::string_view what) {
  ensure_gdal();
  GdalMessages messages;
  const unsigned flags = GDAL_OF_VECTOR | (update ? GDAL_OF_UPDATE : 0);
  const char* drivers[] = {"PostgreSQL", nullptr};
  GDALDatasetH ds = GDALOpenEx(source.c_str(), flags, drivers, nullptr, nullptr);
  if (ds) return ds;
  std::string reason = messages.last_error();
  while (!reason.empty() && std::isspace(static_cast<unsigned char>(reason.back())))
    reason.pop_back();
  throw InputError(
      redact_connection(source),
      "无法连接数据库 / cannot connect to the PostgreSQL database" +
          (what.empty() ? std::string() : " given as " + std::string(what)) +
          (reason.empty() ? std::string() : " (" + reason + ")") +
          ": check that the server runs and accepts connections from this machine, and the "
          "dbname, host, port, user and password of the connection string, written "
          "PG:\"dbname=… host=127.0.0.1 port=5432 user=… password=…\" (see docs/postgis.md)");
}

}  // namespace muyield::io
