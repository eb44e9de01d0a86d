// Google Benchmark micro-benchmarks of sshdiag's stages on the typical log
// (bench/run makes it; SSHDIAG_BENCH_LOG names it, else a corpus log):
// the line source, one pattern-set pass, the transcript parse, the whole
// analysis, and loading the signature and KB sets (the start-up cost).
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "analyzer.h"
#include "commands.h"
#include "line_source.h"
#include "paste_cleaner.h"
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

}  // namespace

BENCHMARK_MAIN();
