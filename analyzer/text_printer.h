// The report for a person at a terminal.
#ifndef SSHDIAG_TEXT_PRINTER_H_
#define SSHDIAG_TEXT_PRINTER_H_

#include <ostream>
#include <string>

#include "knowledge_base.h"
#include "print_options.h"
#include "report.h"
#include "signature.h"

namespace sshdiag {

// Writes the ranked diagnoses with their evidence and remedies, or says that
// nothing is wrong, or that a failure was seen that nothing explains. Every
// piece of text that came from the log is passed through MakeVisible().
void PrintText(const Report& report, const PrintOptions& options, std::ostream& out);

// What to do next when a failure was seen that no signature explains, in lang
// ("en", "ja"): the same words in every format.
const char* UnrecognisedNextSteps(const std::string& lang);

// `sshdiag kb show KEY`: the article as a user reads it, every remedy with
// every form and the releases it is for. Every text is passed through
// MakeVisible(): an article may come from a stranger's pack.
void PrintArticle(const Article& article, const std::string& lang, std::ostream& out);

// `sshdiag signatures show ID`: what the signature looks for, what it says,
// its examples and where it was loaded from (origin: the layer's name),
// made safe like PrintArticle. article is its KB article, or nullptr.
void PrintSignature(const Signature& sig, const Article* article, const std::string& origin,
                    const std::string& lang, std::ostream& out);

}  // namespace sshdiag

#endif  // SSHDIAG_TEXT_PRINTER_H_
