// Text in several languages: what an article or signature gives, and the
// program's own words (the message catalogue every output reads).
#ifndef SSHDIAG_LOCALIZED_TEXT_H_
#define SSHDIAG_LOCALIZED_TEXT_H_

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace sshdiag {

// Language code ("en", "ja") -> text. English is the fallback for every
// other language.
class LocalizedText {
 public:
  LocalizedText() = default;
  explicit LocalizedText(std::string english) { texts_["en"] = std::move(english); }
  // The texts as they were read before (data_cache.h): no checks.
  explicit LocalizedText(std::map<std::string, std::string> texts) : texts_(std::move(texts)) {}

  // Reads a plain string (taken as English) or an object of language -> string.
  // Returns false and sets *error for anything else.
  static bool FromJson(const nlohmann::json& j, LocalizedText* out, std::string* error);

  // The text in lang, else in English, else the empty string.
  const std::string& Get(const std::string& lang) const;
  bool Has(const std::string& lang) const { return texts_.count(lang) > 0; }
  bool empty() const { return texts_.empty(); }
  const std::map<std::string, std::string>& all() const { return texts_; }

 private:
  std::map<std::string, std::string> texts_;
};

// The program's own words: every label, heading and tag an output prints
// around the data, one entry each. Text, Markdown and the page read them
// here and nowhere else, so a language is added in one place.
enum class Msg {
  // Diagnoses
  kEvidence, kMeans, kTodo, kConfigClient, kOnce, kConfigServer, kShell, kNote, kRisk, kUnsure, kContext,
  kUntoldBefore, kUntoldAfter, kUntoldExcerpt, kAlsoPossible, kTellApart, kExperimental, kExperimentalSignature,
  kConfidence, kRootCause, kSignature, kSignatureSet, kContextOnly, kMore, kAskNext,
  // Levels, remedy tags
  kLevelCertain, kLevelLikely, kLevelPossible, kWhereClient, kWhereServer, kWhereNetwork, kWeakensSecurity,
  // Where a line is
  kLine, kServerLine, kFile, kSession, kProxyJumpChild,
  // Both sides together: what tied a pair
  kPairedWith, kPairedBy, kPairedUser, kPairedKey, kPairedTime, kPairedPort, kPairedLatest, kPairedOnly,
  kListSeparator,
  // Sessions without an answer
  kNoProblem, kSucceeded, kExit0, kJumpCarried, kRemoteFailed, kRemoteNotStarted, kUnexplained, kGotAsFar,
  kLastErrors, kNextSteps, kNotRecognised,
  // Attempts
  kAttempts, kAttempt, kOf, kLines, kAttemptOk, kAttemptUnexplained,
  // Overall status
  kStatusOk, kStatusDiagnosed, kStatusUnrecognised, kStatusError,
  // Outcomes
  kOutcomeSucceeded, kOutcomeRemoteCommandFailed, kOutcomeFailed, kOutcomeIncomplete,
  // Phases and the strip
  kPhaseUnknown, kPhaseConfig, kPhaseResolve, kPhaseConnect, kPhaseBanner, kPhaseKex, kPhaseHostKey, kPhaseAuth,
  kPhaseSession, kPhaseClosed, kHowFar,
  // kb show, signatures show
  kShowMechanism, kShowLookAlikes, kShowReferences, kShowReleasesFrom, kShowReleasesUntil, kShowPlatforms,
  kShowExplanation, kShowLinesOrdered, kShowLinesUnordered, kShowAbsent, kShowWhen, kShowSuppresses,
  kShowAlternatives, kShowExamplesMatch, kShowExamplesNoMatch, kShowFile, kShowNoArticle,
  // Input that cannot be analysed, and warnings about the input ({1}, {2}: SayWith's arguments)
  kInputReadError, kInputBinary, kInputEmpty, kInputNotSsh, kInputListenerOnly, kInputCannotOpen,
  kInputIsDirectory, kInputNoSuchFile, kInputPermission, kInputBatchReadsDirs, kWarnLinesCut, kWarnNul,
  kStandardInput, kWarnUnlistedFailed, kWarnUnlistedOk, kWarnSessionOne, kWarnSessionRange, kWarnSearchCut,
  kWarnMissingArticle, kWarnInvalidUtf8,
  // The page (analyzer/web/): its own words; it uses the entries above for the rest
  kPageTitle, kPageIntro, kPageLogLabel, kPageDiagnose, kPageRedact, kPageLanguage, kPageCopyMarkdown,
  kPageMarkdownHint, kPageShowMarkdown, kPageLogHeading, kPageLogHint, kPageResultAria, kPageLogAria,
  kPageVerdictDiagnosed, kPageVerdictUnrecognised, kPageVerdictOk, kPageVerdictError, kPagePhasesAria,
  kPageStoppedHere, kPageLogEndsHere, kPageNotTold, kPageStoppedBeforeResolve, kPageCopy, kPageCopied,
  kPageCopyFailed, kPageWeakens, kPageAlternativeTo, kPageLinesNotShown, kPagePasteFirst, kPageBusy,
  kPageCouldNot, kPageTooLarge, kPageNoServer,
  kCount
};

struct MessageEntry {
  Msg id;
  const char* key;  // stable name ("evidence", "phase.kex"): what the page and tests use
  const char* en;
  const char* ja;
};

// Every message, in Msg order.
const std::vector<MessageEntry>& MessageCatalogue();

// The message in lang; English for a language the catalogue lacks.
const char* Say(Msg id, const std::string& lang);

// The message in lang with "{1}", "{2}", ... replaced by args[0], args[1], ...
// (each marker once; the languages put them where their grammar wants).
std::string SayWith(Msg id, const std::string& lang, const std::vector<std::string>& args);

// The catalogue's languages ("en", "ja"), and whether lang is one of them.
const std::vector<std::string>& CatalogueLanguages();
bool IsCatalogueLanguage(const std::string& lang);

}  // namespace sshdiag

#endif  // SSHDIAG_LOCALIZED_TEXT_H_
