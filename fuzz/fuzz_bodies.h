// The body of each fuzz target, shared by the libFuzzer entry points in this
// directory and by tests/fuzz_regression_test.cc, so a reproducer replays
// exactly the code path that found it. Each body returns "" when every
// property held, else a description of the one that failed. Sanitizer
// reports (ASan, UBSan, LSan) are the sanitizers' business, not the bodies'.
#ifndef SSHDIAG_FUZZ_FUZZ_BODIES_H_
#define SSHDIAG_FUZZ_FUZZ_BODIES_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyzer.h"
#include "data_cache.h"
#include "json_printer.h"
#include "knowledge_base.h"
#include "line_source.h"
#include "markdown_printer.h"
#include "paste_cleaner.h"
#include "print_options.h"
#include "signature.h"
#include "text_printer.h"
#include "transcript.h"

#ifndef SSHDIAG_SOURCE_DIR
#error "SSHDIAG_SOURCE_DIR must name the source tree (for the built-in signatures and KB)"
#endif

namespace sshdiag::fuzz {

// The names of the targets, which are also the folder names under
// tests/fuzz_regressions/.
inline const std::vector<std::string>& TargetNames() {
  static const std::vector<std::string> names = {"fuzz_paste_cleaner", "fuzz_transcript", "fuzz_signature_loader",
                                                 "fuzz_kb_loader", "fuzz_analyzer", "fuzz_data_cache"};
  return names;
}

// CleanPastedLine on the whole input as one line, then CleanPaste on it as a
// paste: numbers rise and stay those of input lines, nothing is blank.
inline std::string FuzzPasteCleaner(const uint8_t* data, size_t size) {
  std::string_view raw(reinterpret_cast<const char*>(data), size);
  std::string cleaned = CleanPastedLine(raw);
  if (cleaned.size() > raw.size()) return "CleanPastedLine made the line longer";
  if (!cleaned.empty() && (cleaned.back() == '\r' || cleaned.back() == ' ' || cleaned.back() == '\t')) {
    return "CleanPastedLine left trailing white space";
  }
  uint64_t input_lines = 1;
  for (char c : raw) input_lines += c == '\n';
  uint64_t last = 0;
  for (const Line& line : CleanPaste(raw)) {
    if (line.number <= last) return "CleanPaste numbers do not rise";
    if (line.number > input_lines) return "CleanPaste gave a number past the input";
    if (line.text.empty()) return "CleanPaste gave a blank line";
    last = line.number;
  }
  return "";
}

// The analyzer's front half: LineSource -> CleanPastedLine -> TranscriptParser,
// then every accessor of every session.
inline std::string FuzzTranscript(const uint8_t* data, size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  LineSource source(in);
  TranscriptParser parser("fuzz");
  RawLine raw;
  std::vector<Session> finished;
  int sessions = 0;
  while (source.Next(&raw)) {
    if (raw.text.size() > LineSource::kDefaultMaxLineBytes) return "LineSource returned an over-long line";
    Line line{raw.number, CleanPastedLine(raw.text)};
    if (line.text.empty()) continue;
    int index = parser.Feed(line);
    if (parser.sessions().empty() || index < parser.sessions().front().index || index > parser.sessions().back().index) {
      return "Feed returned a bad session index";
    }
    sessions = std::max(sessions, index + 1);
    parser.TakeFinished(&finished);
    if (parser.sessions().size() > TranscriptParser::kMaxSessions) return "more open sessions than kMaxSessions";
  }
  parser.FinishAll();
  parser.TakeFinished(&finished);
  if (!parser.sessions().empty()) return "FinishAll left a session behind";
  if (finished.size() != static_cast<size_t>(sessions)) return "a session was lost";
  for (size_t i = 0; i < finished.size(); ++i) {
    const Session& s = finished[i];
    if (s.index != static_cast<int>(i)) return "sessions taken out of order";
    (void)s.outcome();
    (void)s.terminal_from();
    (void)s.facts.AsMap();
    (void)PhaseName(s.phase);
    if (s.failure_lines.size() > TranscriptParser::kFailureLinesKept) return "more failure lines than kept";
    if (s.parent >= s.index) return "session parent out of range";
  }
  return "";
}

// The input as one signature file: Parse, then Compile, then match each of
// the signature's own patterns against the input's lines.
inline std::string FuzzSignatureLoader(const uint8_t* data, size_t size) {
  if (size > SignatureLimits::kMaxFileBytes) return "";  // LoadLayers never reads such a file
  std::string text(reinterpret_cast<const char*>(data), size);
  std::vector<LoadIssue> issues;
  auto sig = SignatureSet::Parse(text, "fuzz.json", &issues);
  if (!sig) {
    if (issues.empty()) return "Parse failed without an issue";
    for (const auto& issue : issues) (void)issue.ToString();
    return "";
  }
  SignatureSet set;
  set.Add(std::move(*sig));
  set.Compile();
  for (const auto& issue : set.issues()) (void)issue.ToString();
  (void)set.fingerprint();
  std::vector<int> hits;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    set.patterns().Match(line, &hits);
    for (int id : hits) {
      if (id < 0 || static_cast<size_t>(id) >= set.patterns().size()) return "Match returned a bad pattern index";
    }
  }
  return "";
}

// The input as one KB article: Parse, then choose its remedies for a known
// and an unknown release and fill their placeholders.
inline std::string FuzzKbLoader(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  std::vector<LoadIssue> issues;
  auto article = KnowledgeBase::Parse(text, "fuzz.json", &issues);
  if (!article) {
    if (issues.empty()) return "Parse failed without an issue";
    for (const auto& issue : issues) (void)issue.ToString("article");
    return "";
  }
  RemedyContext unknown;
  unknown.host = "fuzz-host";
  unknown.values = {{"host", "fuzz-host"}, {"user", "u"}};
  RemedyContext known = unknown;
  known.client_version = FindOpenSshVersion("OpenSSH_9.2p1");
  known.server_version = FindOpenSshVersion("OpenSSH_8.4p1");
  for (const RemedyContext* ctx : {&unknown, &known}) {
    for (const char* lang : {"en", "ja"}) {
      auto chosen = ChooseRemedies(*article, *ctx, lang);
      // Every chosen remedy is one of the article's, each at most once; only a remedy
      // with a "when" or "unless" on the log's values may be left out (these contexts
      // know little of a log).
      std::set<const Remedy*> seen;
      for (const auto& c : chosen) {
        bool own = false;
        for (const auto& r : article->remedies) own = own || c.remedy == &r;
        if (!own || !seen.insert(c.remedy).second) return "ChooseRemedies invented or repeated a remedy";
      }
      for (const auto& r : article->remedies) {
        if (r.when.empty() && r.unless.empty() && !seen.count(&r)) return "ChooseRemedies lost a remedy";
      }
    }
  }
  return "";
}

inline const SignatureSet& FuzzSignatures() {
  static const SignatureSet set = SignatureSet::LoadLayers({std::string(SSHDIAG_SOURCE_DIR) + "/signatures"});
  return set;
}
inline const KnowledgeBase& FuzzKb() {
  static const KnowledgeBase kb = KnowledgeBase::LoadLayers({std::string(SSHDIAG_SOURCE_DIR) + "/kb"});
  return kb;
}

// The whole pipeline with the built-in signatures and KB, then all three
// printers. The JSON must parse; the text must hold no control byte but '\n'.
inline std::string FuzzAnalyzer(const uint8_t* data, size_t size) {
  AnalyzerOptions options;
  options.lang = size % 2 ? "ja" : "en";  // both languages, decided by the input
  Analyzer analyzer(FuzzSignatures(), FuzzKb(), options);
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  Report report = analyzer.AnalyzeStream(in, "fuzz");

  PrintOptions print;
  print.top = 0;
  print.verbose = true;
  print.program_version = "fuzz";
  print.signature_set = FuzzSignatures().fingerprint();

  std::ostringstream text, json_out, markdown;
  PrintText(report, print, text);
  PrintJson(report, print, json_out);
  PrintMarkdown(report, print, markdown);

  auto parsed = nlohmann::json::parse(json_out.str(), nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) return "PrintJson wrote text that does not parse as JSON";
  const std::string t = text.str();
  for (size_t i = 0; i < t.size(); ++i) {
    auto c = static_cast<unsigned char>(t[i]);
    if (c < 0x20 && c != '\n') {
      return "PrintText wrote control byte 0x" + std::to_string(c) + " (decimal) at offset " + std::to_string(i);
    }
  }
  return "";
}

// The input as a data cache payload (data_cache.h): the reader that a cache
// file's bytes meet once its header and checksum passed. What it reads must
// encode to bytes that read back and encode the same; small enough data is
// then built into what LoadData builds from it (failure lines, phase table,
// knowledge base) and used once.
inline std::string FuzzDataCache(const uint8_t* data, size_t size) {
  std::string key;
  ParsedData parsed;
  if (!DecodeDataCachePayload(std::string_view(reinterpret_cast<const char*>(data), size), &key, &parsed)) return "";
  const std::string bytes = EncodeDataCache(key, parsed);
  ParsedData again;
  if (!DecodeDataCache(bytes, key, &again)) return "what was read does not read back once written";
  if (EncodeDataCache(key, again) != bytes) return "writing what was read back changed the bytes";
  size_t pattern_bytes = 0;
  for (const auto* f : {&parsed.client_failures, &parsed.server_failures}) {
    for (const auto& list : f->lists) {
      for (const auto& p : list) pattern_bytes += p.pattern.size();
    }
  }
  for (const auto& m : parsed.phases.markers) pattern_bytes += m.pattern.size();
  // Trusted patterns are compiled as they are: keep the fuzzer's time for the reader.
  if (pattern_bytes > 2048) return "";
  FailureLines failures = FailureLines::FromLists(parsed.client_failures.lists, parsed.client_failures.issues);
  for (const auto& list : parsed.client_failures.lists) {
    for (const auto& p : list) {
      (void)failures.IsFailure(p.example);
      (void)failures.IsEpilogue(p.example);
      (void)failures.IsRemoteCommandFailure(p.example);
      (void)failures.IsSessionProgram(p.example);
      (void)failures.IsWholeLine(p.example);
    }
  }
  PhaseTable phases = PhaseTable::FromMarkers(parsed.phases.markers, parsed.phases.issues);
  std::vector<int> hits;
  for (const auto& m : parsed.phases.markers) {
    phases.Match(m.example, m.side, &hits);
    for (int h : hits) {
      if (h < 0 || static_cast<size_t>(h) >= phases.markers().size()) return "PhaseTable::Match named no marker";
    }
  }
  KnowledgeBase kb = KnowledgeBase::FromParsed(parsed.articles, parsed.kb_issues);
  RemedyContext context;
  context.values = {{"user", "root"}, {"host", "h"}};
  for (const auto& [name, article] : kb.articles()) (void)ChooseRemedies(article, context, "en");
  return "";
}

// The body for a target name; nullptr for an unknown name.
using Body = std::string (*)(const uint8_t*, size_t);
inline Body BodyFor(const std::string& target) {
  if (target == "fuzz_paste_cleaner") return &FuzzPasteCleaner;
  if (target == "fuzz_transcript") return &FuzzTranscript;
  if (target == "fuzz_signature_loader") return &FuzzSignatureLoader;
  if (target == "fuzz_kb_loader") return &FuzzKbLoader;
  if (target == "fuzz_analyzer") return &FuzzAnalyzer;
  if (target == "fuzz_data_cache") return &FuzzDataCache;
  return nullptr;
}

}  // namespace sshdiag::fuzz

#endif  // SSHDIAG_FUZZ_FUZZ_BODIES_H_
