// Both sides together: a client's ssh -v log and sshd's log of the same
// failure, in one report.
#ifndef SSHDIAG_PAIRING_H_
#define SSHDIAG_PAIRING_H_

#include "localized_text.h"
#include "report.h"

namespace sshdiag {

// When the report holds sessions of both sides, pairs each failed client
// session, in order, with the server connection that tells its other side,
// chosen among the diagnosed connections not paired before:
//   - the user must agree where both sides name one;
//   - where the client printed the fingerprints of the keys it offered (-v)
//     and the server names the key it judged (VERBOSE and up), that key must
//     be one of them, and such a connection is preferred;
//   - then a connection whose lines fall within two minutes of the client's
//     (where both sides' lines carry times: a client log through `ts`, the
//     journal's or syslog's prefixes; across forms of timestamp only the
//     clock time counts) is preferred to one of unknown time, and that to one
//     outside it (clocks in other zones match none, and decide nothing);
//   - then one the server took on the client's destination port (and address,
//     unless sshd listens on all) is preferred to one it does not say, and
//     that to another port's (NAT and port forwards make the two sides see
//     different ones, so this never excludes);
//   - among equals, the last one (a client's log is pasted after it failed,
//     so the latest refusal is the one it saw).
// The server's answer then joins the client session with the server's lines
// as evidence (side kServer). A confident answer (likely or certain: the
// server's log names a cause) ranks first, above the client's own diagnoses;
// a merely possible one (e.g. "the client closed the connection during
// authentication", which any client-side cause also produces) ranks below
// the client's best and never overturns it. Server connections paired with
// no client session are dropped from the report with their diagnoses: a
// server log carries other users' names and addresses, and only the paired
// connection's lines are shown. Call before the report's final ordering
// (diagnoses' session, group_score and alternative indices are re-derived
// there). A report of one side only is left as it is.
// Both sessions of a pair record it (SessionReport::paired_with, paired_by).
void PairSides(Report* report);

// "user", "key", "time", "port", "latest", "only": the JSON name of a reason.
const char* PairingReasonName(PairingReason reason);
// The catalogue's words for it ("the same user", ...).
Msg PairingReasonMsg(PairingReason reason);

}  // namespace sshdiag

#endif  // SSHDIAG_PAIRING_H_
