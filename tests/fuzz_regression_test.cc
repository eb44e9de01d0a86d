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

// Found by fuzz_signature_loader: nlohmann/json throws out_of_range, not
// parse_error, for a number too large for a double; the loaders must turn it
// into an issue, not let it end the program.
TEST_CASE("a number too large for a double is a load issue, not a crash", "[fuzz]") {
  std::vector<sshdiag::LoadIssue> issues;
  CHECK_FALSE(sshdiag::SignatureSet::Parse(R"({"id": "x", "weight": 1e999})", "big.json", &issues));
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].message.find("out_of_range") != std::string::npos);
  issues.clear();
  CHECK_FALSE(sshdiag::KnowledgeBase::Parse(R"({"key": "x", "title": -1e400})", "big.json", &issues));
  CHECK(issues.size() == 1);
}

// Found reviewing the parser for hostile input: a log's port is any run of
// digits; it used to go through atoi (undefined beyond int) into the JSON.
TEST_CASE("a port that is not a port is null in the JSON output", "[fuzz]") {
  auto port_of = [](const std::string& port) {
    sshdiag::Report r = sshdiag::testing::AnalyzeText(
        "OpenSSH_9.2p1 Debian-2+deb12u6, OpenSSL 3.0.17 1 Jul 2025\n"
        "debug1: Connecting to h [10.0.0.1] port " + port + ".\n"
        "ssh: connect to host h port " + port + ": Connection refused\n");
    REQUIRE(r.sessions.size() == 1);
    return sshdiag::ReportToJson(r, {})["sessions"][0]["facts"]["destination"]["port"];
  };
  CHECK(port_of("2222") == 2222);
  CHECK(port_of("99999999999").is_null());
  CHECK(port_of("65536").is_null());
}

// The fuzzers start from the KB articles and signature files (fuzz/run's seeds): a
// property that the real data breaks fails here, in every build, not only in the
// fuzz stage (found when remedies gained "when"/"unless": a remedy may be left out).
TEST_CASE("every KB article and signature file keeps its fuzz target's properties", "[fuzz]") {
  const std::vector<std::pair<std::string, std::string>> seeds = {{"kb", "fuzz_kb_loader"},
                                                                   {"signatures", "fuzz_signature_loader"}};
  for (const auto& [dir, target] : seeds) {
    auto body = sshdiag::fuzz::BodyFor(target);
    REQUIRE(body != nullptr);
    int files = 0;
    for (const auto& entry : fs::directory_iterator(SourcePath(dir))) {
      if (entry.path().extension() != ".json") continue;
      std::string data = ReadFile(entry.path().string());
      INFO(target << " <- " << dir << "/" << entry.path().filename().string());
      CHECK(body(reinterpret_cast<const uint8_t*>(data.data()), data.size()) == "");
      ++files;
    }
    CHECK(files > 10);
  }
}
