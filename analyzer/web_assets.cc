#include "web_assets.h"

#include <utility>

namespace sshdiag {

const EmbeddedFile* FindWebFile(std::string_view path) {
  if (path == "/") path = "/index.html";
  for (const auto& file : EmbeddedWebFiles()) {
    if (file.path == path) return &file;
  }
  return nullptr;
}

std::string ContentTypeFor(std::string_view path) {
  static const std::pair<std::string_view, const char*> kTypes[] = {
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},   {".svg", "image/svg+xml; charset=utf-8"},
      {".png", "image/png"},                 {".ico", "image/x-icon"},
  };
  for (const auto& [extension, type] : kTypes) {
    if (path.size() >= extension.size() && path.substr(path.size() - extension.size()) == extension) return type;
  }
  return "application/octet-stream";
}

}  // namespace sshdiag
