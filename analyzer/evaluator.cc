#include "evaluator.h"

#include <algorithm>
#include <memory>
#include <string>
#include <unordered_map>

#include <re2/re2.h>

namespace sshdiag {

namespace {

// A "when.facts" regex, compiled once per thread instead of once per session
// and signature (bounded: a set of thousands of signatures recompiles some).
const RE2& FactRegex(const std::string& pattern) {
  thread_local std::unordered_map<std::string, std::unique_ptr<RE2>> cache;
  auto it = cache.find(pattern);
  if (it != cache.end()) return *it->second;
  if (cache.size() >= 4096) cache.clear();
  return *cache.emplace(pattern, std::make_unique<RE2>(pattern, RE2::Quiet)).first->second;
}

struct Search {
  const Signature& sig;
  const Session& session;
  const SessionHits& hits;
  std::vector<size_t> required;               // indices into sig.lines
  std::vector<std::vector<const Hit*>> kept;  // per required condition
  std::vector<const Hit*> chosen;             // per required condition
  int steps = 0;
};

const Hit* ChosenFor(const Search& s, const std::string& name) {
  for (size_t k = 0; k < s.required.size(); ++k) {
    if (s.sig.lines[s.required[k]].name == name) return s.chosen[k];
  }
  return nullptr;
}

bool AbsentHolds(const Search& s) {
  for (const auto& a : s.sig.absent) {
    const HitList* list = s.hits.Find(a.pattern_id);
    if (!list) continue;
    const Hit* from = a.from.empty() ? nullptr : ChosenFor(s, a.from);
    const Hit* to = a.to.empty() ? nullptr : ChosenFor(s, a.to);
    switch (a.where) {
      case AbsentCondition::Where::kAnywhere:
        return false;
      case AbsentCondition::Where::kBetween:
        if (from && to && to->line > from->line + 1 && list->AnyBetween(from->line + 1, to->line - 1)) return false;
        break;
      case AbsentCondition::Where::kAfter:
        if (from && list->AnyBetween(from->line + 1, UINT64_MAX)) return false;
        break;
      case AbsentCondition::Where::kBefore:
        if (to && to->line > 0 && list->AnyBetween(0, to->line - 1)) return false;
        break;
    }
  }
  return true;
}

// Assigns required conditions from the last to the first, latest hits first.
bool Assign(Search* s, int k) {
  if (++s->steps > kMaxSearchSteps) return false;
  if (k < 0) return AbsentHolds(*s);
  const Hit* next = k + 1 < static_cast<int>(s->required.size()) ? s->chosen[k + 1] : nullptr;
  const LineCondition* next_cond = next ? &s->sig.lines[s->required[k + 1]] : nullptr;
  const auto& options = s->kept[k];
  for (auto it = options.rbegin(); it != options.rend(); ++it) {
    const Hit* h = *it;
    if (next && s->sig.ordered) {
      if (h->line >= next->line) continue;
      if (next_cond->within > 0 && next->line - h->line > static_cast<uint64_t>(next_cond->within)) break;
    } else if (next && next_cond->within > 0) {
      uint64_t d = h->line > next->line ? h->line - next->line : next->line - h->line;
      if (d > static_cast<uint64_t>(next_cond->within)) continue;
    }
    s->chosen[k] = h;
    if (Assign(s, k - 1)) return true;
    if (s->steps > kMaxSearchSteps) return false;
  }
  return false;
}

void AddCaptures(const RE2& re, const std::string& text, std::map<std::string, std::string>* out) {
  const auto& names = re.NamedCapturingGroups();
  if (names.empty()) return;
  int n = re.NumberOfCapturingGroups();
  std::vector<re2::StringPiece> groups(n + 1);
  if (!re.Match(text, 0, text.size(), RE2::UNANCHORED, groups.data(), n + 1)) return;
  for (const auto& [name, index] : names) {
    if (groups[index].data() != nullptr) (*out)[name] = std::string(groups[index].data(), groups[index].size());
  }
}

// A plain log cannot be told from its own tail, and plain output is short:
// only a debug log without ssh's first line counts as a tail.
bool IsDebugTail(const Session& session) { return !session.whole && session.verbosity > Verbosity::kPlain; }

}  // namespace

bool PredicatesHold(const FactPredicates& when, const Session& session, int* untold) {
  if (!when.phases.empty() &&
      std::find(when.phases.begin(), when.phases.end(), session.phase) == when.phases.end()) {
    return false;
  }
  Outcome outcome = session.outcome();
  if (when.outcomes.empty()) {
    if (outcome != Outcome::kFailed && outcome != Outcome::kIncomplete) return false;
  } else if (std::find(when.outcomes.begin(), when.outcomes.end(), outcome) == when.outcomes.end()) {
    return false;
  }
  const auto& v = session.facts.client_version;
  if (when.client_min || when.client_max) {
    if (!v) {
      if (!when.client_unknown_passes) return false;
    } else {
      if (when.client_min && CompareReleases(*v, *when.client_min) < 0) return false;
      if (when.client_max && CompareReleases(*v, *when.client_max) > 0) return false;
    }
  }
  if (!when.facts_match.empty() || !when.facts_absent.empty()) {
    auto facts = session.facts.AsMap();
    const bool may_be_cut = untold != nullptr && IsDebugTail(session);
    for (const auto& [name, pattern] : when.facts_match) {
      auto it = facts.find(name);
      if (it == facts.end()) {
        if (!may_be_cut) return false;
        ++*untold;
        continue;
      }
      if (!RE2::PartialMatch(it->second, FactRegex(pattern))) return false;
    }
    for (const auto& name : when.facts_absent) {
      if (facts.count(name)) return false;
      if (may_be_cut) ++*untold;
    }
  }
  return true;
}

std::optional<SignatureMatch> Evaluate(const Signature& sig, const Session& session, const SessionHits& hits,
                                       const PatternSet& patterns, SearchCost* cost) {
  if (sig.side != session.side) return std::nullopt;  // it reads the other program's words
  Search s{sig, session, hits, {}, {}, {}, 0};
  for (size_t i = 0; i < sig.lines.size(); ++i) {
    if (sig.lines[i].optional) continue;
    const HitList* list = hits.Find(sig.lines[i].pattern_id);
    if (!list) return std::nullopt;
    s.required.push_back(i);
    s.kept.push_back(list->Kept());
  }
  int untold_facts = 0;
  if (!PredicatesHold(sig.when, session, &untold_facts)) return std::nullopt;
  s.chosen.assign(s.required.size(), nullptr);
  bool found = Assign(&s, static_cast<int>(s.required.size()) - 1);
  if (cost) {
    cost->steps = s.steps;
    cost->cut = !found && s.steps > kMaxSearchSteps;
  }
  if (!found) return std::nullopt;

  SignatureMatch m;
  m.signature = &sig;
  m.session = session.index;
  const bool tail = IsDebugTail(session);
  m.untold_before_excerpt = untold_facts;
  for (const auto& a : sig.absent) {
    if (a.level > session.verbosity) {
      ++m.untold_absent;
      if (a.level > m.deepest_untold) m.deepest_untold = a.level;
    } else if (tail && (a.where == AbsentCondition::Where::kAnywhere || a.where == AbsentCondition::Where::kBefore)) {
      ++m.untold_before_excerpt;
    }
  }
  for (size_t k = 0; k < s.required.size(); ++k) {
    const LineCondition& c = sig.lines[s.required[k]];
    m.evidence.push_back({s.chosen[k]->line, s.chosen[k]->text, c.name, c.evidence, session.side});
  }
  // Optional conditions: the latest hit that keeps the listed order between
  // the required neighbours (any hit at all for unordered signatures).
  for (size_t i = 0; i < sig.lines.size(); ++i) {
    const LineCondition& c = sig.lines[i];
    if (!c.optional) continue;
    const HitList* list = hits.Find(c.pattern_id);
    if (!list) continue;
    uint64_t lo = 0, hi = UINT64_MAX;
    if (sig.ordered) {
      for (size_t k = 0; k < s.required.size(); ++k) {
        if (s.required[k] < i) lo = s.chosen[k]->line + 1;
        if (s.required[k] > i && hi == UINT64_MAX) hi = s.chosen[k]->line - 1;
      }
    }
    auto kept = list->Kept();
    for (auto it = kept.rbegin(); it != kept.rend(); ++it) {
      const Hit* h = *it;
      if (h->line < lo || h->line > hi) continue;
      if (c.within > 0 && lo > 0 && h->line - (lo - 1) > static_cast<uint64_t>(c.within)) continue;
      m.evidence.push_back({h->line, h->text, c.name, c.evidence, session.side});
      break;
    }
  }
  std::sort(m.evidence.begin(), m.evidence.end(),
            [](const Evidence& a, const Evidence& b) { return a.line < b.line; });
  for (const auto& e : m.evidence) {
    for (const auto& c : sig.lines) {
      if (c.name == e.condition) AddCaptures(patterns.pattern(c.pattern_id), e.text, &m.captures);
    }
  }
  return m;
}

}  // namespace sshdiag
