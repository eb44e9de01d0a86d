// The page's files compiled into the binary (cmake/EmbedWebAssets.cmake).
#include "web_assets.h"

#include <catch2/catch.hpp>

#include "test_support.h"

using namespace sshdiag;
using namespace sshdiag::testing;

TEST_CASE("web assets: every file of the page is embedded byte for byte as in analyzer/web", "[web_assets]") {
  REQUIRE(EmbeddedWebFiles().size() >= 3);
  for (const auto& file : EmbeddedWebFiles()) {
    INFO(file.path);
    CHECK(file.content == ReadFile(SourcePath("analyzer/web" + std::string(file.path))));
  }
  for (const char* path : {"/index.html", "/app.js", "/style.css"}) CHECK(FindWebFile(path) != nullptr);
}

TEST_CASE("web assets: ContentTypeFor knows the page's kinds of file", "[web_assets]") {
  CHECK(ContentTypeFor("/a.html") == "text/html; charset=utf-8");
  CHECK(ContentTypeFor("/x/y.js") == "text/javascript; charset=utf-8");
  CHECK(ContentTypeFor("/s.css") == "text/css; charset=utf-8");
  CHECK(ContentTypeFor("/i.png") == "image/png");
  CHECK(ContentTypeFor("/README") == "application/octet-stream");
  CHECK(ContentTypeFor("/js") == "application/octet-stream");
  CHECK(FindWebFile("/") == FindWebFile("/index.html"));
  CHECK(FindWebFile("/missing.js") == nullptr);
}
