#include "signature_explain.h"

#include <algorithm>

#include "evaluator.h"

namespace sshdiag {

namespace {

std::string LineNumbers(const HitList* list) {
  if (!list) return "";
  std::string s;
  for (const Hit* h : list->Kept()) s += (s.empty() ? "line " : ", ") + std::to_string(h->line);
  if (list->total() > list->Kept().size()) s += " (" + std::to_string(list->total()) + " in all)";
  return s;
}

// Long patterns (RE2 has no lookahead, so a negation is spelled out) are cut
// to what fits a line.
std::string Abbreviated(const std::string& pattern) {
  return pattern.size() <= 72 ? pattern : pattern.substr(0, 69) + "...";
}

std::string WhereText(const AbsentCondition& a) {
  switch (a.where) {
    case AbsentCondition::Where::kAnywhere: return "anywhere";
    case AbsentCondition::Where::kBetween: return "between " + a.from + " and " + a.to;
    case AbsentCondition::Where::kAfter: return "after " + a.from;
    case AbsentCondition::Where::kBefore: return "before " + a.to;
  }
  return "";
}

// Each "when" predicate alone, so the report says which one fails.
void ReportPredicates(const FactPredicates& when, const Session& session, std::vector<ConditionReport>* out) {
  auto alone = [&session](FactPredicates p) {
    if (p.outcomes.empty()) {
      p.outcomes = {Outcome::kFailed, Outcome::kIncomplete, Outcome::kSucceeded, Outcome::kRemoteCommandFailed};
    }
    return PredicatesHold(p, session, nullptr);
  };
  if (!when.phases.empty()) {
    FactPredicates p;
    p.phases = when.phases;
    out->push_back({"when", "phase", alone(p), std::string("the session reached ") + PhaseName(session.phase)});
  }
  {
    FactPredicates p;
    p.outcomes = when.outcomes.empty() ? std::vector<Outcome>{Outcome::kFailed, Outcome::kIncomplete} : when.outcomes;
    out->push_back({"when", "outcome", alone(p), std::string("the session's outcome is ") +
                                                     OutcomeName(session.outcome())});
  }
  if (when.client_min || when.client_max) {
    FactPredicates p;
    p.client_min = when.client_min;
    p.client_max = when.client_max;
    p.client_unknown_passes = when.client_unknown_passes;
    const auto& v = session.facts.client_version;
    out->push_back({"when", "client_version", alone(p),
                    v ? "the client is " + v->ToString() : std::string("the log does not show the client's release")});
  }
  auto facts = session.facts.AsMap();
  for (const auto& [name, pattern] : when.facts_match) {
    FactPredicates p;
    p.facts_match[name] = pattern;
    auto it = facts.find(name);
    out->push_back({"when", "facts." + name, alone(p),
                    it == facts.end() ? "the log does not show it" : "it is '" + it->second + "'"});
  }
  for (const auto& name : when.facts_absent) {
    FactPredicates p;
    p.facts_absent = {name};
    auto it = facts.find(name);
    out->push_back({"when", "facts_absent." + name, alone(p),
                    it == facts.end() ? "the log does not show it" : "it is '" + it->second + "'"});
  }
}

}  // namespace

SignatureExplanation ExplainSignature(const Signature& sig, const Session& session, const SessionHits& hits,
                                      const PatternSet& patterns) {
  SignatureExplanation e;
  bool lines_found = true;
  for (const auto& c : sig.lines) {
    const HitList* list = hits.Find(c.pattern_id);
    ConditionReport r{"line", c.name, list != nullptr || c.optional, ""};
    if (list) {
      r.detail = "matched " + LineNumbers(list);
    } else {
      r.detail = c.optional ? "no line matches (optional)" : "no line matches";
      if (c.level > session.verbosity) r.detail += "; the line needs " + std::string(VerbosityName(c.level));
      if (!c.optional) lines_found = false;
    }
    e.conditions.push_back(r);
  }
  for (const auto& a : sig.absent) {
    const HitList* list = hits.Find(a.pattern_id);
    ConditionReport r{"absent", Abbreviated(a.pattern) + " (" + WhereText(a) + ")", list == nullptr, ""};
    r.detail = list ? "occurs at " + LineNumbers(list) + "; it blocks a match where it falls in its range"
                    : "does not occur";
    if (a.level > session.verbosity) r.detail += " (cannot be told: the log does not show " +
                                                 std::string(VerbosityName(a.level)) + ")";
    e.conditions.push_back(r);
  }
  ReportPredicates(sig.when, session, &e.conditions);
  auto m = Evaluate(sig, session, hits, patterns);
  e.matched = m.has_value();
  if (m) {
    // The match stands, so no forbidden line fell in its range.
    for (auto& c : e.conditions) {
      if (c.kind == "absent") c.satisfied = true;
    }
    std::string lines;
    for (const auto& ev : m->evidence) lines += (lines.empty() ? "" : ", ") + std::to_string(ev.line);
    e.verdict = "matched, with evidence on line(s) " + lines;
    return e;
  }
  auto failed_when = std::find_if(e.conditions.begin(), e.conditions.end(),
                                  [](const ConditionReport& r) { return r.kind == "when" && !r.satisfied; });
  if (!lines_found) {
    e.verdict = "not matched: a required line condition has no matching line";
  } else if (failed_when != e.conditions.end()) {
    e.verdict = "not matched: the predicate '" + failed_when->name + "' fails (" + failed_when->detail + ")";
  } else {
    e.verdict = "not matched: every line occurs, but no choice of them keeps the order and 'within' windows "
                "without a forbidden (absent) line in its range";
  }
  return e;
}

}  // namespace sshdiag
