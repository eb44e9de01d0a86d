// Batch mode's order and inputs: the same records in the same order however
// many threads run.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

#include "batch.h"
#include "temp_dir.h"

using namespace sshdiag;
using sshdiag::testing::TempDir;

TEST_CASE("batch expands a directory recursively in sorted order and keeps files as given", "[batch]") {
  TempDir dir;
  std::filesystem::create_directories(dir.path() + "/logs/b");
  dir.Write("logs/b/2.log", "x\n");
  dir.Write("logs/a.log", "x\n");
  dir.Write("logs/b/1.log", "x\n");
  dir.Write("z.log", "x\n");
  auto inputs = ExpandBatchInputs({dir.path() + "/z.log", dir.path() + "/logs", dir.path() + "/missing.log"});
  REQUIRE(inputs.size() == 5);
  CHECK(inputs[0] == dir.path() + "/z.log");
  CHECK(inputs[1] == dir.path() + "/logs/a.log");
  CHECK(inputs[2] == dir.path() + "/logs/b/1.log");
  CHECK(inputs[3] == dir.path() + "/logs/b/2.log");
  CHECK(inputs[4] == dir.path() + "/missing.log");  // reported as unreadable by the analysis
}

TEST_CASE("batch writes every record in the order of the items whatever the number of threads", "[batch]") {
  std::vector<std::string> items;
  for (int i = 0; i < 200; ++i) items.push_back(std::to_string(i));
  for (int jobs : {1, 2, 7}) {
    BatchOptions options;
    options.jobs = jobs;
    std::vector<size_t> progress;
    options.progress = [&](size_t done, size_t total) {
      CHECK(total == items.size());
      progress.push_back(done);
    };
    std::atomic<int> running{0}, most{0};
    std::vector<std::string> written;
    RunBatch(
        items, options,
        [&](size_t index, const std::string& item) {
          int now = ++running;
          int seen = most.load();
          while (now > seen && !most.compare_exchange_weak(seen, now)) {
          }
          // Later items finish first, so the writer must hold them back.
          if (index % 5 == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
          --running;
          return "record " + item;
        },
        [&](size_t index, const std::string& record) {
          CHECK(index == written.size());
          written.push_back(record);
        });
    REQUIRE(written.size() == items.size());
    for (size_t i = 0; i < items.size(); ++i) CHECK(written[i] == "record " + items[i]);
    CHECK(most.load() <= jobs);
    REQUIRE(progress.size() == items.size());
    CHECK(progress.back() == items.size());
  }
}

TEST_CASE("batch with no items writes nothing", "[batch]") {
  int calls = 0;
  RunBatch({}, BatchOptions{}, [&](size_t, const std::string&) { ++calls; return std::string(); },
           [&](size_t, const std::string&) { ++calls; });
  CHECK(calls == 0);
}
