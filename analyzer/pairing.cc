#include "pairing.h"

#include <algorithm>
#include <set>

namespace sshdiag {

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
    const std::string& user = client.session.facts.user;
    const SessionReport* match = nullptr;
    for (const auto& server : report->sessions) {
      if (server.session.side != Side::kServer || server.status != Status::kDiagnosed) continue;
      if (paired.count(server.session.index)) continue;
      const std::string& server_user = server.session.facts.user;
      if (!user.empty() && !server_user.empty() && user != server_user) continue;
      // The latest connection wins (by where it starts: a short one, such as
      // a drop, is concluded before a long one that began earlier).
      if (!match || server.session.source != match->session.source ||
          server.session.first_line > match->session.first_line) {
        match = &server;
      }
    }
    if (!match) continue;
    paired.insert(match->session.index);
    // The server's answer: its best-scored diagnosis that is not an alternative.
    const Diagnosis* answer = nullptr;
    double client_best = 0;
    for (const auto& d : report->diagnoses) {
      if (d.session == match->session.index && d.answer_local < 0 && (!answer || d.score > answer->score)) answer = &d;
      if (d.session == client.session.index) client_best = std::max(client_best, d.group_score);
    }
    if (!answer) continue;
    Diagnosis d = *answer;
    d.session = client.session.index;
    // Above every diagnosis of the client session: the server says which.
    d.score = std::max(d.score, client_best) + 1e-3;
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
