// What `sshdiag serve` answers, without any HTTP library or socket: a
// request (method, path, body) in, a response (status, type, headers, body)
// out. serve_command.cc only carries requests between cpp-httplib and this.
//
// GET  /                  the page (analyzer/web/, embedded: web_assets.h),
//                         its words from the message catalogue in the page's
//                         language (PageLanguage)
// GET  /api/v1/messages   the message catalogue in that language, as JSON:
//                         the words the page's script shows
// POST /api/v1/diagnose   the JSON `sshdiag --format json` prints for the log
// POST /api/v1/markdown   the Markdown `sshdiag --format markdown` prints
// The body is the log itself, or with Content-Type application/json an
// object {"log": "...", "redact": false, "lang": "en"|"ja"}, or an HTML
// form's fields log, lang, redact (ParseDiagnoseRequest). Nothing is
// stored: each request is analysed in memory and forgotten.
#ifndef SSHDIAG_WEB_HANDLER_H_
#define SSHDIAG_WEB_HANDLER_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyzer.h"
#include "failure_lines.h"
#include "knowledge_base.h"
#include "print_options.h"
#include "signature.h"

namespace sshdiag {

struct HttpRequest {
  std::string method;        // "GET", "HEAD", "POST", ...
  std::string path;          // without the query string
  std::string content_type;  // the Content-Type header, "" when absent
  std::string body;
  std::vector<std::pair<std::string, std::string>> query;  // the query string's parameters, decoded
  std::string accept_language;                              // the Accept-Language header, "" when absent
};

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

struct HttpResponse {
  int status = 200;
  std::string content_type;
  HttpHeaders headers;  // WebSecurityHeaders() and any other (Allow)
  std::string body;
};

// The largest request body served by default: 8 MiB, far above any ssh -vvv
// log a person pastes; a larger one is answered 413.
constexpr size_t kDefaultMaxRequestBytes = 8 * 1024 * 1024;

struct WebHandlerOptions {
  size_t max_body_bytes = kDefaultMaxRequestBytes;
  std::string program_version;  // as `sshdiag --format json` prints them
  std::string signature_set;
  const FailureLines* failure_lines = nullptr;  // nullptr: FailureLines::Builtin()
  // The page's language when the request names none (`sshdiag serve
  // --lang`); "" lets the browser's Accept-Language decide.
  std::string default_lang;
};

// The page's language for a request: ?lang= when it names a catalogue
// language, else default_lang when set, else the first catalogue language
// Accept-Language lists with a q above 0, else "en".
std::string PageLanguage(const HttpRequest& request, const std::string& default_lang);

// The page template (analyzer/web/index.html) with each {{KEY}} replaced by
// the catalogue's message KEY in lang, HTML-escaped, and {{lang}} by lang.
// A {{...}} that names no message is left as it is (a test finds it).
std::string RenderPage(std::string_view page_template, const std::string& lang);

// {"lang": LANG, "max_body_bytes": N, "messages": {KEY: TEXT, ...}}: every
// catalogue message in lang, what GET /api/v1/messages answers.
nlohmann::json MessagesJson(const std::string& lang, size_t max_body_bytes);

// Why a body over max_body_bytes is refused (413), from the handler and the server alike.
std::string TooLargeMessage(size_t max_body_bytes);

// A diagnosis request as parsed from a POST body.
struct DiagnoseRequest {
  std::string log;
  bool redact = false;
  std::string lang = "en";
};

// Parses a POST body into *out: a JSON object when content_type is
// application/json (fields "log", a string, required; "redact", a boolean;
// "lang", "en" or "ja"; any other field is refused so that a typo does not
// pass unnoticed); with application/x-www-form-urlencoded, an HTML form's
// fields log, lang and redact ("on", "true" or "1") when the body is one (no
// blank or line break, every name one of those: a form encodes them), else
// the body is the log as curl --data-binary sends it; any other type: the
// body is the log itself with the defaults.
// Returns "" or why the body cannot be used.
std::string ParseDiagnoseRequest(const std::string& content_type, const std::string& body, DiagnoseRequest* out);

// True when PrintOptions has the `redact` field (branch redact): then the
// page's redaction switch works; until then a request with "redact": true is
// refused (501) rather than answered unredacted.
bool RedactionAvailable();

// The one place where a request's options meet the printers' (the page's
// redaction switch ends here). Returns false when the request asks for
// something this build cannot do (see RedactionAvailable).
bool ApplyRequestToPrintOptions(const DiagnoseRequest& request, PrintOptions* print);

// The headers every response carries: a Content-Security-Policy that allows
// only the page's own script, style and API (no inline script, no
// innerHTML through Trusted Types, no framing, no external fetch), nosniff,
// no referrer, no caching.
const HttpHeaders& WebSecurityHeaders();

class WebHandler {
 public:
  // Both sets must outlive the handler. Handle() only reads them and the
  // handler: it may run on many threads at once.
  WebHandler(const SignatureSet& signatures, const KnowledgeBase& kb, WebHandlerOptions options);

  // The response to one request: 200 with the page, a file or a result; 400
  // for a body that cannot be used, 404 for an unknown path, 405 (with
  // Allow) for a known path with the wrong method, 413 beyond the body
  // limit, 501 for redaction this build lacks. Error bodies on /api/ paths
  // are JSON {"error": "..."}, elsewhere plain text.
  HttpResponse Handle(const HttpRequest& request) const;

 private:
  HttpResponse Diagnose(const HttpRequest& request, bool markdown) const;

  WebHandlerOptions options_;
  Analyzer english_;
  Analyzer japanese_;
};

}  // namespace sshdiag

#endif  // SSHDIAG_WEB_HANDLER_H_
