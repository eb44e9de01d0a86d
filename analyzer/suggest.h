// "Did you mean": the known names closest to one that is not known, for the
// messages of commands that take an id (kb show, signatures show, explain).
#ifndef SSHDIAG_SUGGEST_H_
#define SSHDIAG_SUGGEST_H_

#include <string>
#include <vector>

namespace sshdiag {

// At most n of candidates, closest first: those within an edit distance of a
// third of name's length (at least 2), then those that contain name or that
// name contains. Empty when none is close.
std::vector<std::string> ClosestNames(const std::string& name, const std::vector<std::string>& candidates,
                                      size_t n = 3);

// "; did you mean a, b or c?" for ClosestNames(), or "" when there are none.
std::string DidYouMean(const std::string& name, const std::vector<std::string>& candidates);

}  // namespace sshdiag

#endif  // SSHDIAG_SUGGEST_H_
