// The page `sshdiag serve` shows: the files of analyzer/web/, compiled into
// the binary at build time (cmake/EmbedWebAssets.cmake), so that the page
// works offline and needs nothing installed beside sshdiag.
#ifndef SSHDIAG_WEB_ASSETS_H_
#define SSHDIAG_WEB_ASSETS_H_

#include <string>
#include <string_view>
#include <vector>

namespace sshdiag {

struct EmbeddedFile {
  std::string_view path;     // "/index.html", "/app.js", ...
  std::string_view content;  // the file's bytes as they are in analyzer/web/
};

// Every file of analyzer/web/ listed in analyzer/CMakeLists.txt, in that order.
const std::vector<EmbeddedFile>& EmbeddedWebFiles();

// The embedded file served at path ("/" is "/index.html"), or nullptr.
const EmbeddedFile* FindWebFile(std::string_view path);

// The Content-Type for a file name by its extension (HTML, JavaScript, CSS,
// PNG, SVG, ICO, with charset=utf-8 for text), "application/octet-stream"
// for any other.
std::string ContentTypeFor(std::string_view path);

}  // namespace sshdiag

#endif  // SSHDIAG_WEB_ASSETS_H_
