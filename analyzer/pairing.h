// Both sides together: a client's ssh -v log and sshd's log of the same
// failure, in one report.
#ifndef SSHDIAG_PAIRING_H_
#define SSHDIAG_PAIRING_H_

#include "report.h"

namespace sshdiag {

// When the report holds sessions of both sides, pairs each failed client
// session, in order, with the server connection that tells its other side: a
// diagnosed connection of the same user (either side may not name one), not
// paired before, the last such (a client's log is pasted after it failed, so
// the latest refusal is the one it saw). The server's answer then ranks first
// for the client session, with the server's lines as evidence (side kServer);
// the client's own diagnoses follow it. Server connections paired with no
// client session are dropped from the report with their diagnoses: a server
// log carries other users' names and addresses, and only the paired
// connection's lines are shown. Call before the report's final ordering
// (diagnoses' session, group_score and alternative indices are re-derived
// there). A report of one side only is left as it is.
void PairSides(Report* report);

}  // namespace sshdiag

#endif  // SSHDIAG_PAIRING_H_
