// `sshdiag signatures lint`: what a contributor's signature files get wrong,
// each problem with a stable code (signatures/LINT.md lists them), the file
// and the signature it is in.
#ifndef SSHDIAG_SIGNATURE_LINT_H_
#define SSHDIAG_SIGNATURE_LINT_H_

#include <string>
#include <vector>

#include "knowledge_base.h"
#include "signature.h"

namespace sshdiag {

struct LintProblem {
  std::string code;     // "SD001"…, documented in signatures/LINT.md
  std::string file;
  std::string id;       // the signature's id, when known
  std::string message;
  bool error = true;    // false: a warning, reported without failing

  // "FILE: signature ID: CODE MESSAGE" (the id part only when known).
  std::string ToString() const;
};

// What lint checks the signatures against besides themselves.
struct LintContext {
  const KnowledgeBase* kb = nullptr;       // articles a "kb" or "alternatives" may name
  std::vector<std::string> other_ids;      // ids of the sets the linted files are layered on
  std::string example_root;                // examples are paths relative to this ("" = not checked)
  // SD014: the signature directories the linted files go on top of, and a
  // corpus ("" = not checked) whose successful sessions (sidecar
  // expect.status "ok") they must not diagnose as likely or certain, unless
  // the allowlist (LOG<TAB>CAUSE<TAB>REASON rows, the goodlog gate's) names them.
  std::vector<std::string> base_signature_dirs;
  std::string corpus_dir;
  std::string allowlist;
};

// Lints each path (a signature file, or a directory of them). Every file is
// parsed and compiled as the loader would; on top of the loader's checks it
// reports duplicate ids, a file named other than its id, a KB article or
// alternative that does not exist, "suppresses" naming an unknown id,
// examples that are missing or absent, a {placeholder} of the explanation
// that no capture, fact or computed value fills, a required line that an
// "absent anywhere" condition forbids (the signature can never match), and,
// given a corpus, a confident diagnosis of a session that worked. Returns
// the problems, errors and warnings, in file order.
std::vector<LintProblem> LintSignatureFiles(const std::vector<std::string>& paths, const LintContext& context);

// What "stable" needs: match examples from at least two release
// directories of the corpus (openssh-9.2, openssh-8.4_sshd-10.0, ...) and at
// least one no_match example.
bool ProvenOnTwoReleases(const Signature& sig);

// The *.json files of paths (files as given, directories' files sorted), in
// order; paths that do not exist are left out (lint reports them).
std::vector<std::string> SignatureFilesOf(const std::vector<std::string>& paths);

// The codes and one-line meanings, in code order: the table LINT.md documents
// and `signatures lint --codes` prints.
struct LintCode {
  const char* code;
  const char* meaning;
};
const std::vector<LintCode>& LintCodes();

}  // namespace sshdiag

#endif  // SSHDIAG_SIGNATURE_LINT_H_
