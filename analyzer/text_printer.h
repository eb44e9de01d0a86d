// The report for a person at a terminal.
#ifndef SSHDIAG_TEXT_PRINTER_H_
#define SSHDIAG_TEXT_PRINTER_H_

#include <ostream>
#include <string>

#include "print_options.h"
#include "report.h"

namespace sshdiag {

// Writes the ranked diagnoses with their evidence and remedies, or says that
// nothing is wrong, or that a failure was seen that nothing explains. Every
// piece of text that came from the log is passed through MakeVisible().
void PrintText(const Report& report, const PrintOptions& options, std::ostream& out);

// What to do next when a failure was seen that no signature explains, in lang
// ("en", "ja"): the same words in every format.
const char* UnrecognisedNextSteps(const std::string& lang);

}  // namespace sshdiag

#endif  // SSHDIAG_TEXT_PRINTER_H_
