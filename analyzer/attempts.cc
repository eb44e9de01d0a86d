#include "attempts.h"

#include <map>

namespace sshdiag {

std::vector<Attempt> Attempts(const Report& report) {
  std::vector<Attempt> all;
  std::map<std::string, int> per_input;
  for (const auto& sr : report.sessions) {
    const Session& s = sr.session;
    if (s.side != Side::kClient || s.parent >= 0) continue;
    Attempt a;
    a.session = &sr;
    a.number = ++per_input[s.source];
    for (const auto& d : report.diagnoses) {
      // Diagnoses are ranked best first: the session's first answer is its top.
      if (d.session == s.index && d.alternative_to < 0) {
        a.top = &d;
        break;
      }
    }
    all.push_back(a);
  }
  std::vector<Attempt> out;
  for (Attempt& a : all) {
    a.count = per_input[a.session->session.source];
    if (a.count > 1) out.push_back(a);
  }
  return out;
}

}  // namespace sshdiag
