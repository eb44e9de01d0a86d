// libFuzzer entry point for fuzz_data_cache; the body is FuzzDataCache in fuzz_bodies.h.
// With FUZZ_WRITE_SEEDS=DIR set it writes its seeds instead (fuzz/run does):
// data cache payloads of the source tree's data, one signature file, one
// article, or the failure lines and phase table each, small enough for -max_len.
#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "fuzz_bodies.h"

namespace {

void WriteSeed(const std::string& dir, const std::string& name, const sshdiag::ParsedData& data) {
  const std::string bytes = sshdiag::EncodeDataCache("seed-key", data);
  std::ofstream(dir + "/" + name, std::ios::binary) << bytes.substr(sshdiag::kDataCacheHeaderBytes);
}

void WriteSeeds(const std::string& dir) {
  using namespace sshdiag;
  const std::string src = SSHDIAG_SOURCE_DIR;
  auto empty = [] {
    ParsedData d;
    d.client_failures.lists.resize(FailureLines::kLists);
    d.server_failures.lists.resize(FailureLines::kLists);
    return d;
  };
  std::string error;
  for (const auto& file : ListJsonFiles(src + "/signatures", &error)) {
    ParsedData d = empty();
    d.signatures = SignatureSet::ParseLayers({});
    std::vector<LoadIssue> issues;
    std::ifstream in(file, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (auto sig = SignatureSet::Parse(text, file, &issues)) d.signatures.signatures.push_back(std::move(*sig));
    d.signatures.issues = issues;
    WriteSeed(dir, "signature-" + std::to_string(std::hash<std::string>()(file)), d);
  }
  const KnowledgeBase kb = KnowledgeBase::LoadLayers({src + "/kb"});
  for (const auto& [key, article] : kb.articles()) {
    ParsedData d = empty();
    d.articles[key] = article;
    WriteSeed(dir, "article-" + key, d);
  }
  ParsedData d = empty();
  for (auto [name, out] : {std::pair{"client", &d.client_failures}, std::pair{"server", &d.server_failures}}) {
    FailureLines f = FailureLines::Load(src + "/failures/" + name + ".json");
    for (size_t i = 0; i < FailureLines::kLists; ++i) out->lists[i] = f.list(i);
    out->issues = f.issues();
  }
  PhaseTable t = PhaseTable::Load(src + "/failures/phases.json");
  d.phases.markers = t.markers();
  d.phases.issues = {{"phases.json", "", "an issue"}};
  WriteSeed(dir, "failures-and-phases", d);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  if (const char* dir = std::getenv("FUZZ_WRITE_SEEDS"); dir && *dir) {
    WriteSeeds(dir);
    std::exit(0);
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string failed = sshdiag::fuzz::FuzzDataCache(data, size);
  if (!failed.empty()) {
    std::fprintf(stderr, "fuzz_data_cache: property failed: %s\n", failed.c_str());
    std::abort();
  }
  return 0;
}
