// Google Benchmark micro-benchmarks of sshdiag's stages on the typical log
// (bench/run makes it; SSHDIAG_BENCH_LOG names it, else a corpus log):
// the line source, one pattern-set pass, the transcript parse, the whole
// analysis, and loading the signature and KB sets (the start-up cost); and
// how soon a helper thread starts while its creator is busy.
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <benchmark/benchmark.h>

#include "analyzer.h"
#include "commands.h"
#include "line_source.h"
#include "paste_cleaner.h"
#include "spare_core.h"
#include "transcript.h"

namespace {

using namespace sshdiag;

const std::string& TypicalLog() {
  static const std::string text = [] {
    const char* env = std::getenv("SSHDIAG_BENCH_LOG");
    std::string path = env && *env ? env : std::string(SSHDIAG_SOURCE_DIR) + "/corpus/lab/openssh-9.2/ipqos-reset.log";
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }();
  return text;
}

const LoadedData& Data() {
  static const LoadedData data = LoadData({}, {});
  return data;
}

std::vector<std::string> CleanLines() {
  std::vector<std::string> lines;
  std::istringstream in(TypicalLog());
  LineSource source(in);
  RawLine raw;
  while (source.Next(&raw)) lines.push_back(CleanPastedLine(raw.text));
  return lines;
}

void SetBytes(benchmark::State& state) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(TypicalLog().size()));
}

void BM_LineSource(benchmark::State& state) {
  for (auto _ : state) {
    std::istringstream in(TypicalLog());
    LineSource source(in);
    RawLine raw;
    size_t n = 0;
    while (source.Next(&raw)) n += raw.text.size();
    benchmark::DoNotOptimize(n);
  }
  SetBytes(state);
}
BENCHMARK(BM_LineSource);

void BM_PatternSetPass(benchmark::State& state) {
  const auto lines = CleanLines();
  const PatternSet& set = Data().signatures.patterns();
  std::vector<int> hits;
  for (auto _ : state) {
    size_t n = 0;
    for (const auto& l : lines) {
      set.Match(l, &hits);
      n += hits.size();
    }
    benchmark::DoNotOptimize(n);
  }
  SetBytes(state);
}
BENCHMARK(BM_PatternSetPass);

void BM_TranscriptParse(benchmark::State& state) {
  const auto lines = CleanLines();
  const FailureLines* failures = Data().failure_lines;
  for (auto _ : state) {
    TranscriptParser parser("bench", failures);
    uint64_t number = 0;
    for (const auto& l : lines) parser.Feed(Line{++number, l});
    benchmark::DoNotOptimize(parser.sessions().size());
  }
  SetBytes(state);
}
BENCHMARK(BM_TranscriptParse);

void BM_AnalyzeTypicalLog(benchmark::State& state) {
  const LoadedData& data = Data();
  AnalyzerOptions options;
  options.failure_lines = data.failure_lines;
  Analyzer analyzer(data.signatures, data.kb, options);
  for (auto _ : state) {
    std::istringstream in(TypicalLog());
    Report report = analyzer.AnalyzeStream(in, "typical");
    benchmark::DoNotOptimize(report.diagnoses.size());
  }
  SetBytes(state);
}
BENCHMARK(BM_AnalyzeTypicalLog);

void BM_LoadSignaturesAndKb(benchmark::State& state) {
  for (auto _ : state) {
    LoadedData data = LoadData({}, {});
    benchmark::DoNotOptimize(data.signatures.signatures().size());
  }
}
BENCHMARK(BM_LoadSignaturesAndKb)->Unit(benchmark::kMillisecond);

// The time from starting a thread to its first instruction while the
// creator stays busy for 2 ms after 10 ms idle, as at start-up: /0 a plain std::thread, /1
// StartOnSpareCores (spare_core.h). The time reported is that delay.
void BM_HelperThreadStart(benchmark::State& state) {
  using Clock = std::chrono::steady_clock;
  const bool move = state.range(0) != 0;
  for (auto _ : state) {
    // Idle first, as a run's other cores are when it starts its helpers.
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    std::atomic<Clock::rep> started{0};
    auto body = [&started] { started = Clock::now().time_since_epoch().count(); };
    const Clock::time_point t0 = Clock::now();
    std::thread helper = move ? StartOnSpareCores(body, SpareCores::kToStart) : std::thread(body);
    const Clock::time_point busy_until = t0 + std::chrono::milliseconds(2);
    while (Clock::now() < busy_until) {
    }
    helper.join();
    const auto delay = Clock::time_point(Clock::duration(started.load())) - t0;
    state.SetIterationTime(std::chrono::duration<double>(delay).count());
  }
}
// A fixed count: each iteration takes 12 ms whatever the delay it measures.
BENCHMARK(BM_HelperThreadStart)->Arg(0)->Arg(1)->UseManualTime()->Iterations(100)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
