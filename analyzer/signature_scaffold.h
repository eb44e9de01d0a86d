// `sshdiag signatures new --from LOG`: a draft signature from a log nothing
// explains yet, for a contributor to finish.
#ifndef SSHDIAG_SIGNATURE_SCAFFOLD_H_
#define SSHDIAG_SIGNATURE_SCAFFOLD_H_

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "transcript.h"

namespace sshdiag {

// An RE2 pattern, anchored at both ends, that matches line's fixed words
// literally and any value in the places where the line has one: addresses,
// host names, ports and other numbers, paths, quoted strings, user@host,
// key fingerprints; a leading function name (8.5+ prefixes messages with it)
// becomes optional. The pattern always matches line itself.
std::string GeneralizeLine(const std::string& line);

struct DraftRequest {
  std::string id;       // the new signature's id
  std::string kb;       // the root-cause key it points to
  std::string example;  // the log it comes from, as its first match example
};

// A draft signature (the JSON a contributor saves as signatures/ID.json)
// whose line conditions are the session's last failure lines, generalized,
// each within a few lines of the one before. Nothing when the session has no
// failure line; *why then says so.
std::optional<nlohmann::ordered_json> DraftSignature(const Session& session, const DraftRequest& request,
                                                     std::string* why);

}  // namespace sshdiag

#endif  // SSHDIAG_SIGNATURE_SCAFFOLD_H_
