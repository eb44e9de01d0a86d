// Redaction: a log or a report with its private names replaced, consistently.
//
// What is private: user names, host names, IPv4 and IPv6 addresses, key
// fingerprints (SHA256:... and MD5:...), key comments, certificate key ids and
// principals, and the account names in home directory paths (/home/NAME,
// /Users/NAME, C:\Users\NAME). Each gets a stand-in that keeps its kind and is
// the same wherever the same original appears in one input: user-1, host-1,
// 192.0.2.1 (then 198.51.100.x, 203.0.113.x), 2001:db8::1, SHA256:redacted-1,
// MD5:redacted-1, comment-1, keyid-1. What stays: loopback (127.0.0.0/8, ::1,
// localhost), the documentation ranges (already stand-ins), root and /root,
// algorithm names, versions, ports and OpenSSH's own words.
#ifndef SSHDIAG_REDACTOR_H_
#define SSHDIAG_REDACTOR_H_

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "report.h"

namespace sshdiag {

class Redactor {
 public:
  enum class Kind { kUser, kHost, kAddress, kComment, kKeyId };

  Redactor();

  // Learns the private names a line states: the destination, user and address
  // of ssh's structured lines ("Connecting to HOST [ADDR] port",
  // "Authenticating to HOST:PORT as 'USER'", "Offering public key: PATH TYPE
  // SHA256:... COMMENT", known_hosts names, "USER@HOST: Permission denied",
  // "connect to host HOST port", ...) and of sshd's ("Accepted publickey for
  // USER from ADDR", "Invalid user USER from ADDR", ...). Learn every line of
  // an input before applying, so that a name stated late is replaced early.
  void Learn(std::string_view line);

  // Learns a name of a known kind (a transcript fact, say). An empty name,
  // one that is public (root, localhost, a loopback or documentation
  // address) or already a stand-in is ignored.
  void LearnName(Kind kind, std::string_view name);

  // The text with every learned name, every address, fingerprint and home
  // directory owner replaced by its stand-in. A name first met here gets the
  // next stand-in of its kind, so the mapping stays consistent across calls.
  std::string Apply(std::string_view text);

  // The stand-in given so far to original (kinds as above); "" if none.
  std::string StandInFor(std::string_view original) const;

  // Every original replaced so far, for tests and `sshdiag redact --map`.
  const std::map<std::string, std::string>& mapping() const { return mapping_; }

 private:
  std::string StandIn(Kind kind, const std::string& original);
  std::string StandInAddress(const std::string& original, bool v6);
  std::string StandInFingerprint(const std::string& original, bool md5);
  std::string ReplaceLearned(std::string_view text) const;

  std::map<std::string, std::string> mapping_;          // original -> stand-in
  std::map<std::string, Kind> learned_;                  // names replaced as words
  std::vector<std::string> learned_order_;               // learned_ keys in the order learned
  // The learned names Apply looks up, indexed up to learned_order_[indexed_]: those without
  // white space by their text, the few with (key comments, key ids) in a list.
  std::unordered_map<std::string, std::string> words_;
  std::vector<std::pair<std::string, std::string>> spaced_;
  size_t indexed_ = 0;
  size_t spaced_count_ = 0;
  int counters_[8] = {0, 0, 0, 0, 0, 0, 0, 0};
};

// Redacts a whole input: learns every line first, then applies. Line ends
// ("\n", "\r\n") are kept as they are.
std::string RedactText(std::string_view text, Redactor* redactor);

// A copy of report whose every piece of log-derived text (input names,
// session facts and failure lines, evidence, explanations, remedies,
// warnings) is redacted. The redactor first learns from the sessions' facts
// and from every line the report holds, then applies; pass one that has
// already learned the whole input to cover names only the input states.
Report RedactReport(const Report& report, Redactor* redactor);

}  // namespace sshdiag

#endif  // SSHDIAG_REDACTOR_H_
