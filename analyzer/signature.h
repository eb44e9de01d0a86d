// A signature: how to recognise one failure in a transcript. Signatures are
// data (signatures/*.json, documented in signatures/README.md); this is their
// in-memory form and their loader.
#ifndef SSHDIAG_SIGNATURE_H_
#define SSHDIAG_SIGNATURE_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "json_fields.h"
#include "localized_text.h"
#include "pattern_set.h"
#include "side.h"
#include "transcript.h"
#include "version.h"

namespace sshdiag {

// A line that must occur. Conditions are matched in the order listed unless
// the signature says "ordered": false.
struct LineCondition {
  std::string name;
  std::string pattern;    // RE2 syntax (a "literal" is quoted on load)
  int within = 0;         // > 0: at most this many lines after the previous condition's line
  bool optional = false;  // evidence when present, never required
  bool evidence = true;   // show the matched line to the user
  // The ssh -v level that prints the line: "level", else inferred from a
  // leading "^debugN:" (kPlain otherwise).
  Verbosity level = Verbosity::kPlain;
  int pattern_id = -1;    // index in SignatureSet::patterns()
};

// A line that must NOT occur, in the whole session or relative to matched lines.
struct AbsentCondition {
  enum class Where { kAnywhere, kBetween, kAfter, kBefore };
  std::string pattern;
  Where where = Where::kAnywhere;
  std::string from;  // condition name: kBetween, kAfter
  std::string to;    // condition name: kBetween, kBefore
  // As for LineCondition. In a session that does not show this level, the
  // line's absence proves nothing: the condition cannot be told (see
  // SignatureMatch::untold_absent).
  Verbosity level = Verbosity::kPlain;
  int pattern_id = -1;
};

// Conditions on the transcript's facts.
struct FactPredicates {
  std::vector<Phase> phases;      // empty: any phase reached
  std::vector<Outcome> outcomes;  // empty: failed or incomplete sessions
  std::optional<OpenSshVersion> client_min, client_max;
  bool client_unknown_passes = true;
  std::map<std::string, std::string> facts_match;  // fact name -> RE2 pattern (partial match)
  std::vector<std::string> facts_absent;
};

// How far a signature has been proven (signatures/README.md): "stable" needs
// real positive examples from two OpenSSH releases or platforms and a
// look-alike negative; everything else, and every new signature, is
// "experimental", which ranks below a stable one of equal confidence and says
// so in the output.
enum class Maturity { kExperimental, kStable };
const char* MaturityName(Maturity maturity);

// One example log of a signature ("examples" in signatures/README.md).
struct SignatureExample {
  std::string log;        // a path relative to the test's root; "LOG#KIND" for the excerpt people paste
  std::string rank;       // match only: "" (among the diagnoses), "first" (the first answer) or "top3"
  std::string verbosity;  // "" as recorded, or "plain", "v", "vv": the log cut to what that ssh -v level prints
  std::string todo;       // a known gap and why: reported without failing (signatures test --strict fails it)
};

struct Signature {
  std::string id;
  std::string kb;  // the KB article (root-cause key) this points to
  // Whose log it reads: ssh's -v output, or sshd's log (a server-side
  // signature is evaluated on the server's sessions only, and the other way round).
  Side side = Side::kClient;
  LocalizedText title;        // optional; the article's title when empty
  // Alternatives, each may hold {placeholders} (captures, then facts): the
  // first whose placeholders the session fills is shown; the last has none.
  std::vector<LocalizedText> explanation;
  double weight = 0.7;        // 0..1: how sure a match makes the author
  Maturity maturity = Maturity::kExperimental;
  bool ordered = true;
  std::vector<LineCondition> lines;
  std::vector<AbsentCondition> absent;
  FactPredicates when;
  std::vector<std::string> suppresses;  // ids of more generic signatures
  // Root-cause keys that print the same lines, most likely first: shown as
  // "possible" under this signature's answer when the log cannot decide
  // (see differential.h).
  std::vector<std::string> alternatives;
  std::vector<SignatureExample> match_examples;     // logs it must match
  std::vector<SignatureExample> no_match_examples;  // logs it must not match
  std::string file;  // where it was loaded from
};

// Limits on what a stranger's signature file may ask for.
struct SignatureLimits {
  static constexpr size_t kMaxFileBytes = 256 * 1024;
  static constexpr size_t kMaxSignatures = 4096;
  static constexpr size_t kMaxLineConditions = 32;
  static constexpr size_t kMaxAbsentConditions = 32;
  static constexpr size_t kMaxPatternBytes = 4096;
  static constexpr size_t kMaxAlternatives = 8;
};

// All signatures in force, with every line and absent condition compiled into
// one PatternSet.
class SignatureSet {
 public:
  // Loads every *.json file of each directory in order; a signature whose id
  // an earlier directory already defined replaces it (user layers override
  // built-ins). Broken files and signatures are skipped and listed in
  // issues(); the rest load.
  static SignatureSet LoadLayers(const std::vector<std::string>& dirs);

  // What LoadLayers read from the files, before Compile(): the signatures in
  // load order (an overriding one in its predecessor's place, patterns
  // checked), the issues so far and the hash of the files that loaded, from
  // which the fingerprint is made. The part a cache keeps (data_cache.h).
  struct Parsed {
    std::vector<Signature> signatures;
    std::vector<LoadIssue> issues;
    uint64_t hash = 1469598103934665603ull;
    // The pattern set's prefilters (PatternSet::factors()) once a set was
    // compiled from these signatures; empty until then.
    std::vector<PatternSet::Factors> pattern_factors;
  };
  static Parsed ParseLayers(const std::vector<std::string>& dirs);
  // The set of parsed, compiled. Its patterns are taken as checked (they were,
  // by ParseLayers, in this run or the one that wrote the cache): they are
  // not checked again. LoadLayers(d) is FromParsed(ParseLayers(d)).
  static SignatureSet FromParsed(Parsed parsed);

  // Parses one signature from JSON text. On failure returns nothing and adds
  // to *issues. Exposed for tests and for `sshdiag lint`.
  static std::optional<Signature> Parse(const std::string& text, const std::string& file,
                                        std::vector<LoadIssue>* issues);

  // Adds a parsed signature (replacing one with the same id). Call Compile() after.
  void Add(Signature signature);

  // Compiles all conditions into patterns(). Signatures whose patterns do not
  // compile are dropped with an issue. pattern_factors: as in Parsed.
  // checked: every pattern was checked when its file was parsed (FromParsed),
  // so none is checked again.
  void Compile(std::vector<PatternSet::Factors> pattern_factors = {}, bool checked = false);

  const std::vector<Signature>& signatures() const { return signatures_; }
  const std::vector<LoadIssue>& issues() const { return issues_; }
  const PatternSet& patterns() const { return *patterns_; }
  // A short fingerprint of the loaded signature set, for --version and reports.
  const std::string& fingerprint() const { return fingerprint_; }

  SignatureSet();
  SignatureSet(SignatureSet&&) noexcept;
  SignatureSet& operator=(SignatureSet&&) noexcept;
  ~SignatureSet();

 private:
  std::vector<Signature> signatures_;
  std::vector<LoadIssue> issues_;
  std::unique_ptr<PatternSet> patterns_;
  std::string fingerprint_;
  uint64_t hash_ = 1469598103934665603ull;
};

}  // namespace sshdiag

#endif  // SSHDIAG_SIGNATURE_H_
