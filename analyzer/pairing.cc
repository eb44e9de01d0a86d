#include "pairing.h"

#include <algorithm>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>

#include "line_time.h"

#include "knowledge_base.h"
#include "placeholders.h"

namespace sshdiag {
namespace {

// Either side may not name a user (a client excerpt, sshd's drop lines).
bool SameUser(const Session& client, const Session& server) {
  return client.facts.user.empty() || server.facts.user.empty() || client.facts.user == server.facts.user;
}

// Whether the key sshd judged is one the client offered; nullopt when either
// side does not say.
std::optional<bool> SameKey(const Session& client, const Session& server) {
  if (server.key_fingerprint.empty() || client.offered_fingerprints.empty()) return std::nullopt;
  const auto& offered = client.offered_fingerprints;
  return std::find(offered.begin(), offered.end(), server.key_fingerprint) != offered.end();
}

// How well one kind of evidence ties a client session to a server
// connection; higher is better.
enum class Fit { kMismatch = 0, kUntold = 1, kMatch = 2 };

// Two machines' clocks disagree by seconds, and a login with prompts or slow
// DNS runs on: within this many seconds of the client's first and last timed
// lines, a connection counts as the same moment.
constexpr double kClockSlackSeconds = 120;

// Whether the server connection's lines fall within the client session's
// time. Only where both sides carry times (a client log through `ts`, the
// journal's or syslog's prefixes); clock times only when their forms differ.
Fit SameTime(const Session& client, const Session& server) {
  if (!client.first_time || !server.first_time) return Fit::kUntold;
  double c0 = *client.first_time, c1 = *client.last_time;
  double s0 = AlignTime(*server.first_time, c0);
  double s1 = s0 + (*server.last_time - *server.first_time);
  return s1 >= c0 - kClockSlackSeconds && s0 <= c1 + kClockSlackSeconds ? Fit::kMatch : Fit::kMismatch;
}

std::string_view Unbracketed(std::string_view a) {
  if (a.size() >= 2 && a.front() == '[' && a.back() == ']') a = a.substr(1, a.size() - 2);
  return a;
}

// Whether the server took the connection on the address and port the client
// connected to. A mismatch only lowers a connection's rank: behind NAT or a
// port forward (2222 outside, 22 inside) the two sides see different ones.
Fit SameEndpoint(const Session& client, const Session& server) {
  if (client.facts.port.empty() || server.local_port.empty()) return Fit::kUntold;
  if (client.facts.port != server.local_port) return Fit::kMismatch;
  std::string_view local = Unbracketed(server.local_address), remote = Unbracketed(client.facts.address);
  bool wildcard = local.empty() || local == "0.0.0.0" || local == "::";
  if (!wildcard && !remote.empty() && local != remote) return Fit::kMismatch;
  return Fit::kMatch;
}

struct ReasonEntry {
  PairingReason reason;
  const char* name;
  Msg words;
};
constexpr ReasonEntry kReasons[] = {
    {PairingReason::kUser, "user", Msg::kPairedUser},   {PairingReason::kKey, "key", Msg::kPairedKey},
    {PairingReason::kTime, "time", Msg::kPairedTime},   {PairingReason::kPort, "port", Msg::kPairedPort},
    {PairingReason::kLatest, "latest", Msg::kPairedLatest}, {PairingReason::kOnly, "only", Msg::kPairedOnly},
};

const ReasonEntry& EntryOf(PairingReason reason) {
  for (const auto& e : kReasons) {
    if (e.reason == reason) return e;
  }
  return kReasons[0];
}

}  // namespace

const char* PairingReasonName(PairingReason reason) { return EntryOf(reason).name; }
Msg PairingReasonMsg(PairingReason reason) { return EntryOf(reason).words; }

void PairSides(Report* report) {
  bool any_client = false, any_server = false;
  for (const auto& sr : report->sessions) {
    (sr.session.side == Side::kServer ? any_server : any_client) = true;
  }
  if (!any_client || !any_server) return;

  std::set<int> paired;  // server session indices
  std::vector<Diagnosis> added;
  for (auto& client : report->sessions) {
    if (client.session.side != Side::kClient || client.status == Status::kOk) continue;
    SessionReport* match = nullptr;
    std::tuple<bool, Fit, Fit> match_rank{};
    bool tie = false;  // another connection ranked as high: the latest was taken
    for (auto& server : report->sessions) {
      if (server.session.side != Side::kServer || server.status != Status::kDiagnosed) continue;
      if (paired.count(server.session.index)) continue;
      if (!SameUser(client.session, server.session)) continue;
      std::optional<bool> key = SameKey(client.session, server.session);
      if (key == false) continue;
      // The key is proof; time and endpoint only rank (clocks and NAT lie).
      std::tuple<bool, Fit, Fit> rank{key.value_or(false), SameTime(client.session, server.session),
                                      SameEndpoint(client.session, server.session)};
      // The latest connection wins among equals (by where it starts: a short
      // one, such as a drop, is concluded before a long one that began earlier).
      bool later = !match || server.session.source != match->session.source ||
                   server.session.first_line > match->session.first_line;
      if (match && rank == match_rank) tie = true;
      if (!match || rank > match_rank || (rank == match_rank && later)) {
        if (match && rank > match_rank) tie = false;
        match = &server;
        match_rank = rank;
      }
    }
    if (!match) continue;
    paired.insert(match->session.index);
    std::vector<PairingReason> by;
    if (!client.session.facts.user.empty() && !match->session.facts.user.empty()) by.push_back(PairingReason::kUser);
    if (std::get<0>(match_rank)) by.push_back(PairingReason::kKey);
    if (std::get<1>(match_rank) == Fit::kMatch) by.push_back(PairingReason::kTime);
    if (std::get<2>(match_rank) == Fit::kMatch) by.push_back(PairingReason::kPort);
    if (tie) by.push_back(PairingReason::kLatest);
    else if (by.empty()) by.push_back(PairingReason::kOnly);
    client.paired_with = match->session.index;
    client.paired_by = by;
    match->paired_with = client.session.index;
    match->paired_by = by;
    // sshd's log of this connection is at hand: the client's remedies that
    // only say to go and read it are moot.
    for (auto& d : report->diagnoses) {
      if (d.session != client.session.index) continue;
      d.server_log = true;
      d.remedies.erase(std::remove_if(d.remedies.begin(), d.remedies.end(),
                                      [](const ChosenRemedy& r) {
                                        return r.remedy && DroppedByValue(*r.remedy, kServerLogValue, kServerLogPresent);
                                      }),
                       d.remedies.end());
    }
    // The server's answer: its best-scored diagnosis that is not an alternative.
    const Diagnosis* answer = nullptr;
    double client_best = 0;
    bool client_has_any = false;
    for (const auto& d : report->diagnoses) {
      if (d.session == match->session.index && d.answer_local < 0 && (!answer || d.score > answer->score)) answer = &d;
      if (d.session == client.session.index) {
        client_best = std::max(client_best, d.group_score);
        client_has_any = true;
      }
    }
    if (!answer) continue;
    bool confident = answer->level != Level::kPossible || !client_has_any;
    // The client already names that cause: the server's lines join its
    // evidence, rather than the cause being listed twice.
    Diagnosis* same = nullptr;
    for (auto& d : report->diagnoses) {
      if (d.session == client.session.index && d.answer_local < 0 && d.kb == answer->kb) same = &d;
    }
    if (same) {
      same->evidence.insert(same->evidence.end(), answer->evidence.begin(), answer->evidence.end());
      if (confident) {
        same->level = std::max(same->level, answer->level);
        same->score = std::max(same->score, client_best + 1e-3);
        same->group_score = same->score;
      }
      continue;
    }
    Diagnosis d = *answer;
    d.session = client.session.index;
    if (confident) {
      // The server names the cause: above every diagnosis of the client session.
      d.score = std::max(d.score, client_best) + 1e-3;
    } else {
      // A possible answer only adds the server's view below the client's best.
      d.score = std::min(d.score, client_best - 1e-3);
    }
    d.group_score = d.score;
    d.answer_local = -1;
    d.session_order = -1;
    added.push_back(std::move(d));
    client.status = Status::kDiagnosed;
  }

  // Only the paired connections' lines stay; their diagnoses now live in the
  // client sessions they explain.
  auto& sessions = report->sessions;
  sessions.erase(std::remove_if(sessions.begin(), sessions.end(),
                                [&](const SessionReport& sr) {
                                  return sr.session.side == Side::kServer && !paired.count(sr.session.index);
                                }),
                 sessions.end());
  std::set<int> server_indices;
  for (const auto& sr : sessions) {
    if (sr.session.side == Side::kServer) server_indices.insert(sr.session.index);
  }
  auto& diagnoses = report->diagnoses;
  diagnoses.erase(std::remove_if(diagnoses.begin(), diagnoses.end(),
                                 [&](const Diagnosis& d) {
                                   bool on_server = true;
                                   for (const auto& sr : sessions) {
                                     if (sr.session.index == d.session) on_server = sr.session.side == Side::kServer;
                                   }
                                   return on_server;
                                 }),
                  diagnoses.end());
  for (auto& d : added) diagnoses.push_back(std::move(d));
}

}  // namespace sshdiag
