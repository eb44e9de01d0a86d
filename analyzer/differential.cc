#include "differential.h"

#include <algorithm>

#include "signature.h"

namespace sshdiag {

namespace {

bool NamesAsLookAlike(const Diagnosis& a, const std::string& kb) {
  return a.article && std::find(a.article->look_alikes.begin(), a.article->look_alikes.end(), kb) !=
                          a.article->look_alikes.end();
}

// Whether d, which accounts for the failure, cannot be told from answer.
bool SameStory(const Diagnosis& answer, const Diagnosis& d) {
  if (!d.evidence.empty()) {
    uint64_t last = d.evidence.back().line;
    for (const auto& e : answer.evidence) {
      if (e.line == last) return true;
    }
  }
  return NamesAsLookAlike(answer, d.kb) || NamesAsLookAlike(d, answer.kb);
}

}  // namespace

std::vector<Diagnosis> BuildDifferential(std::vector<Diagnosis> ranked, const MakeAlternative& make) {
  std::vector<std::vector<Diagnosis>> groups;
  for (Diagnosis& d : ranked) {
    std::vector<Diagnosis>* group = nullptr;
    if (d.terminal) {
      for (auto& g : groups) {
        if (g.front().terminal && SameStory(g.front(), d)) {
          group = &g;
          break;
        }
      }
    }
    if (!group) {
      groups.push_back({std::move(d)});
      continue;
    }
    d.confidence = std::min(d.confidence, kAlternativeCap);
    d.level = Level::kPossible;
    d.grounds = Grounds::kSharedEvidence;
    group->push_back(std::move(d));
  }
  for (auto& g : groups) {
    const Diagnosis& answer = g.front();
    if (!answer.terminal || answer.level == Level::kCertain || !answer.signature_def) continue;
    for (const std::string& kb : answer.signature_def->alternatives) {
      bool named = false;
      for (const auto& other : groups) {
        for (const auto& d : other) named = named || d.kb == kb;
      }
      if (named) continue;
      std::optional<Diagnosis> alt = make(g.front(), kb);
      if (!alt) continue;
      alt->confidence = std::min(g.front().confidence, kAlternativeCap) * kNamedAlternativeFactor;
      alt->level = Level::kPossible;
      alt->grounds = Grounds::kNamedBySignature;
      g.push_back(std::move(*alt));
    }
  }
  // The answer's signature ranks the causes its lines fit: alternatives it
  // names follow its order, the others keep theirs after them.
  for (auto& g : groups) {
    if (!g.front().signature_def) continue;
    const auto& named = g.front().signature_def->alternatives;
    auto position = [&](const Diagnosis& d) {
      return static_cast<size_t>(std::find(named.begin(), named.end(), d.kb) - named.begin());
    };
    std::stable_sort(g.begin() + 1, g.end(),
                     [&](const Diagnosis& a, const Diagnosis& b) { return position(a) < position(b); });
    // Listed in that order, they read best first: no alternative shows more
    // confidence than one above it.
    for (size_t i = 2; i < g.size(); ++i) g[i].confidence = std::min(g[i].confidence, g[i - 1].confidence);
  }
  std::vector<Diagnosis> out;
  for (auto& g : groups) {
    const int answer = static_cast<int>(out.size());
    for (size_t i = 0; i < g.size(); ++i) {
      g[i].answer_local = i == 0 ? -1 : answer;
      out.push_back(std::move(g[i]));
    }
  }
  return out;
}

}  // namespace sshdiag
