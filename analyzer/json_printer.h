// The report as JSON for programs (schema/output.schema.json).
#ifndef SSHDIAG_JSON_PRINTER_H_
#define SSHDIAG_JSON_PRINTER_H_

#include <ostream>

#include <nlohmann/json.hpp>

#include "print_options.h"
#include "report.h"

namespace sshdiag {

// The version of the JSON output's schema. The major number changes when a
// field is removed, renamed or changes meaning or type; the minor number
// when a field or an enum value is added. See schema/README.md.
constexpr const char* kJsonSchemaVersion = "1.8";

// The report as a JSON value. All strings are valid UTF-8: invalid bytes from
// the log are replaced by U+FFFD and a warning says so.
nlohmann::json ReportToJson(const Report& report, const PrintOptions& options);

// Writes ReportToJson() and a newline; nothing else goes to out.
void PrintJson(const Report& report, const PrintOptions& options, std::ostream& out);

}  // namespace sshdiag

#endif  // SSHDIAG_JSON_PRINTER_H_
