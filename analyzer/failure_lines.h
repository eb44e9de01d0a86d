// Which lines are ssh failing rather than ssh talking: the lines ssh, scp
// and sftp print (without a debug prefix) when something went wrong; and
// which lines a program that ran ssh (git, rsync, scp, sftp) adds after ssh
// ended (its epilogue), which say nothing about where ssh's session ended.
// They are data (failures/client.json, documented in failures/README.md), so
// a new family of messages is a data change; this is their loader.
#ifndef SSHDIAG_FAILURE_LINES_H_
#define SSHDIAG_FAILURE_LINES_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

#include "json_fields.h"
#include "pattern_set.h"

namespace sshdiag {

// Limits on what the failure-lines file may ask for.
struct FailureLinesLimits {
  static constexpr size_t kMaxFileBytes = 256 * 1024;
  static constexpr size_t kMaxPatterns = 1024;
  static constexpr size_t kMaxPatternBytes = 4096;
};

// One pattern of the file, with the example line it must match (if given).
struct FailurePattern {
  std::string pattern;  // RE2 syntax (a "literal" is quoted on load)
  std::string example;
};

class FailureLines {
 public:
  // Loads one file. A file that cannot be read or parsed, or an entry that is
  // wrong, becomes an issue naming the file (and the entry); a broken file
  // leaves the set empty, so that no line counts as a failure.
  static FailureLines Load(const std::string& path);

  // Parses the file's JSON text. On failure returns nothing and adds to *issues.
  static std::optional<FailureLines> Parse(const std::string& text, const std::string& file,
                                           std::vector<LoadIssue>* issues);

  // The built-in set: failures/client.json in BuiltinDataDir(), loaded once.
  static const FailureLines& Builtin();
  // The built-in set for sshd's log: failures/server.json, loaded once.
  static const FailureLines& BuiltinServer();

  // The lists of one file, in the order of kListNames.
  static constexpr size_t kLists = 6;
  static constexpr const char* kListNames[kLists] = {"failure",          "not_failure",      "epilogue",
                                                      "remote_command",   "session_programs", "whole_lines"};
  // A set of lists and issues read before (the data cache's, data_cache.h):
  // nothing is checked, and each list's pattern set is built on its first use.
  static FailureLines FromLists(std::vector<std::vector<FailurePattern>> lists, std::vector<LoadIssue> issues);
  // Makes client and server what Builtin() and BuiltinServer() return, in
  // place of loading the files, if neither was called before. Returns false
  // (and changes nothing) when one was.
  static bool SetBuiltins(FailureLines client, FailureLines server);
  // Builds now the pattern sets every log's lines meet (failure,
  // not_failure, epilogue) rather than on first use: for a second core to do
  // while the signatures load. The others stay built on first use.
  void Warm() const;
  // The list kListNames[i].
  const std::vector<FailurePattern>& list(size_t i) const { return lists_[i]; }

  // The pattern sets IsFailure() runs on every line, built now (for a
  // thread that compiles ahead, compile_ahead.h).
  std::vector<const PatternSet*> LineSets() const;

  // True when text is a failure line: it matches a "failure" pattern, no
  // "not_failure" pattern and no "epilogue" pattern. Linear in the line's length.
  bool IsFailure(std::string_view text) const;

  // True when text is a wrapper's epilogue line: it matches an "epilogue"
  // pattern (git's "fatal: Could not read from remote repository.", rsync's
  // "rsync error: ...", scp's "scp: Connection closed"). Such a line is
  // printed after ssh ended, by the program that ran ssh: never a failure
  // line, never ssh output, and never where a session ended.
  bool IsEpilogue(std::string_view text) const;

  // True when text is the remote shell saying the command it was asked to run
  // failed to start ("bash: line 1: rsync: command not found"): it matches a
  // "remote_command" pattern and is no failure line. ssh connected and ran the
  // command, so such a line is ssh's session output, not where ssh failed.
  bool IsRemoteCommandFailure(std::string_view text) const;

  // True when program (a syslog tag's program name) is one that runs inside a
  // connection's session on the server and logs about it (util-linux's nologin):
  // it matches a "session_programs" pattern. sshd's log files and the journal of
  // ssh.service carry such lines between sshd's own.
  bool IsSessionProgram(std::string_view program) const;

  // True when text is one of ssh's own lines that only the whole line matches:
  // a "whole_lines" pattern (the channel status dump's "  #0 client-session
  // (t4 ... io 0x00/0x00)"). Neither a failure nor a fact, it lets the paste
  // cleaner rejoin such a line when a paste wrapped it.
  bool IsWholeLine(std::string_view text) const;

  const std::vector<FailurePattern>& failure() const { return lists_[kFailure]; }
  const std::vector<FailurePattern>& not_failure() const { return lists_[kNotFailure]; }
  const std::vector<FailurePattern>& epilogue() const { return lists_[kEpilogue]; }
  const std::vector<FailurePattern>& remote_command() const { return lists_[kRemoteCommand]; }
  const std::vector<FailurePattern>& session_programs() const { return lists_[kSessionPrograms]; }
  const std::vector<FailurePattern>& whole_lines() const { return lists_[kWholeLines]; }
  const std::vector<LoadIssue>& issues() const { return issues_; }

  FailureLines();
  FailureLines(FailureLines&&) noexcept;
  FailureLines& operator=(FailureLines&&) noexcept;
  ~FailureLines();

 private:
  enum { kFailure, kNotFailure, kEpilogue, kRemoteCommand, kSessionPrograms, kWholeLines };
  // List i as a PatternSet, built on first use: a line runs only the
  // patterns whose literals it holds, each compiled the first time a line
  // needs it (the 88 failure patterns as one alternation took 1.1 ms of
  // every run to compile).
  const PatternSet& Set(size_t i) const;
  // True when text matches a pattern of list i.
  bool Matches(size_t i, std::string_view text) const;

  std::vector<FailurePattern> lists_[kLists];
  struct Compiled;
  std::unique_ptr<Compiled> compiled_;  // never null
  std::vector<LoadIssue> issues_;
};

}  // namespace sshdiag

#endif  // SSHDIAG_FAILURE_LINES_H_
