// Replays every reproducer under tests/fuzz_regressions/TARGET/ through the
// same code path as the fuzz target TARGET (fuzz/fuzz_bodies.h). Run under
// the sanitizer build (.ci/sanitize) this also catches the memory errors and
// undefined behaviour the fuzzer found; in any build it checks the
// properties the fuzz targets assert. With no reproducers it passes.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "../fuzz/fuzz_bodies.h"
#include "test_support.h"

namespace fs = std::filesystem;
using sshdiag::testing::ReadFile;
using sshdiag::testing::SourcePath;

TEST_CASE("every fuzz regression folder names a fuzz target", "[fuzz]") {
  fs::path root = SourcePath("tests/fuzz_regressions");
  if (!fs::is_directory(root)) return;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (!entry.is_directory()) continue;
    std::string name = entry.path().filename().string();
    INFO("tests/fuzz_regressions/" << name);
    CHECK(sshdiag::fuzz::BodyFor(name) != nullptr);
  }
}

TEST_CASE("fuzz reproducers replay cleanly through their target's code path", "[fuzz]") {
  fs::path root = SourcePath("tests/fuzz_regressions");
  for (const std::string& target : sshdiag::fuzz::TargetNames()) {
    fs::path dir = root / target;
    if (!fs::is_directory(dir)) continue;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.is_regular_file() && entry.path().filename().string().front() != '.') files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    auto body = sshdiag::fuzz::BodyFor(target);
    REQUIRE(body != nullptr);
    for (const auto& file : files) {
      std::string data = ReadFile(file.string());
      INFO(target << " <- " << fs::relative(file, root).string() << " (" << data.size() << " bytes)");
      CHECK(body(reinterpret_cast<const uint8_t*>(data.data()), data.size()) == "");
    }
  }
}
