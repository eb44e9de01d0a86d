#include "web_handler.h"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <type_traits>

#include <nlohmann/json.hpp>

#include "json_printer.h"
#include "markdown_printer.h"
#include "web_assets.h"

namespace sshdiag {

namespace {

constexpr const char* kJsonType = "application/json; charset=utf-8";
constexpr const char* kTextType = "text/plain; charset=utf-8";
constexpr const char* kMarkdownType = "text/markdown; charset=utf-8";

// Whether PrintOptions has a `redact` member, and setting it when it does:
// the redaction switch works as soon as branch redact adds the field.
template <typename T, typename = void>
struct HasRedact : std::false_type {};
template <typename T>
struct HasRedact<T, std::void_t<decltype(std::declval<T&>().redact)>> : std::true_type {};

template <typename Options>
bool SetRedact(Options* print, bool on) {
  if constexpr (HasRedact<Options>::value) {
    print->redact = on;
    return true;
  } else {
    (void)print;
    return !on;
  }
}

AnalyzerOptions AnalyzerOptionsFor(const std::string& lang, const FailureLines* failure_lines) {
  AnalyzerOptions options;
  options.lang = lang;
  options.failure_lines = failure_lines;
  return options;
}

bool IsApiPath(const std::string& path) { return path.rfind("/api/", 0) == 0; }

HttpResponse Respond(int status, std::string content_type, std::string body) {
  HttpResponse response;
  response.status = status;
  response.content_type = std::move(content_type);
  response.body = std::move(body);
  response.headers = WebSecurityHeaders();
  return response;
}

HttpResponse Error(const HttpRequest& request, int status, const std::string& message) {
  if (IsApiPath(request.path)) {
    nlohmann::json error = {{"error", message}};
    return Respond(status, kJsonType, error.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
  }
  return Respond(status, kTextType, message + "\n");
}

HttpResponse MethodNotAllowed(const HttpRequest& request, const char* allow) {
  HttpResponse response = Error(request, 405, std::string("use ") + allow + " for " + request.path);
  response.headers.emplace_back("Allow", allow);
  return response;
}

// "Application/JSON; charset=utf-8" -> "application/json".
std::string MediaType(const std::string& content_type) {
  std::string media = content_type.substr(0, content_type.find(';'));
  media.erase(std::remove_if(media.begin(), media.end(), [](unsigned char c) { return std::isspace(c); }),
              media.end());
  std::transform(media.begin(), media.end(), media.begin(), [](unsigned char c) { return std::tolower(c); });
  return media;
}

}  // namespace

std::string ParseDiagnoseRequest(const std::string& content_type, const std::string& body, DiagnoseRequest* out) {
  *out = DiagnoseRequest();
  if (MediaType(content_type) != "application/json") {
    out->log = body;
    return "";
  }
  const nlohmann::json request = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (request.is_discarded()) return "the body is not valid JSON (send the log as text, or {\"log\": \"...\"})";
  if (!request.is_object()) return "the JSON body must be an object: {\"log\": \"...\"}";
  for (const auto& [key, value] : request.items()) {
    if (key == "log") {
      if (!value.is_string()) return "\"log\" must be a string";
      out->log = value.get<std::string>();
    } else if (key == "redact") {
      if (!value.is_boolean()) return "\"redact\" must be true or false";
      out->redact = value.get<bool>();
    } else if (key == "lang") {
      if (!value.is_string() || (value != "en" && value != "ja")) return "\"lang\" must be \"en\" or \"ja\"";
      out->lang = value.get<std::string>();
    } else {
      return "unknown field \"" + key + "\" (the fields are log, redact and lang)";
    }
  }
  if (!request.contains("log")) return "the JSON body has no \"log\"";
  return "";
}

bool RedactionAvailable() { return HasRedact<PrintOptions>::value; }

bool ApplyRequestToPrintOptions(const DiagnoseRequest& request, PrintOptions* print) {
  return SetRedact(print, request.redact);
}

const HttpHeaders& WebSecurityHeaders() {
  static const HttpHeaders headers = {
      {"Content-Security-Policy",
       "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
       "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; "
       "require-trusted-types-for 'script'; trusted-types 'none'"},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "no-referrer"},
      {"X-Frame-Options", "DENY"},
      {"Cross-Origin-Opener-Policy", "same-origin"},
      {"Cross-Origin-Resource-Policy", "same-origin"},
      {"Cache-Control", "no-store"},
  };
  return headers;
}

WebHandler::WebHandler(const SignatureSet& signatures, const KnowledgeBase& kb, WebHandlerOptions options)
    : options_(std::move(options)),
      english_(signatures, kb, AnalyzerOptionsFor("en", options_.failure_lines)),
      japanese_(signatures, kb, AnalyzerOptionsFor("ja", options_.failure_lines)) {}

HttpResponse WebHandler::Handle(const HttpRequest& request) const {
  const bool read = request.method == "GET" || request.method == "HEAD";
  if (request.path == "/api/v1/diagnose" || request.path == "/api/v1/markdown") {
    if (request.method != "POST") return MethodNotAllowed(request, "POST");
    return Diagnose(request, request.path == "/api/v1/markdown");
  }
  if (const EmbeddedFile* file = FindWebFile(request.path)) {
    if (!read) return MethodNotAllowed(request, "GET, HEAD");
    return Respond(200, ContentTypeFor(file->path), std::string(file->content));
  }
  return Error(request, 404, "not found: " + request.path);
}

HttpResponse WebHandler::Diagnose(const HttpRequest& request, bool markdown) const {
  if (request.body.size() > options_.max_body_bytes) {
    return Error(request, 413,
                 "the request is larger than " + std::to_string(options_.max_body_bytes) +
                     " bytes; diagnose a log this large with the sshdiag command");
  }
  DiagnoseRequest parsed;
  if (auto why = ParseDiagnoseRequest(request.content_type, request.body, &parsed); !why.empty()) {
    return Error(request, 400, why);
  }
  PrintOptions print;
  print.program_version = options_.program_version;
  print.signature_set = options_.signature_set;
  if (!ApplyRequestToPrintOptions(parsed, &print)) {
    return Error(request, 501, "redaction is not available in this build of sshdiag");
  }
  const Analyzer& analyzer = parsed.lang == "ja" ? japanese_ : english_;
  std::istringstream in(parsed.log);
  // Named "-" as standard input is: the answer is what `sshdiag --format
  // json < LOG` prints, byte for byte.
  const Report report = analyzer.AnalyzeStream(in, "-");
  std::ostringstream out;
  if (markdown) {
    PrintMarkdown(report, print, out);
    return Respond(200, kMarkdownType, out.str());
  }
  PrintJson(report, print, out);
  return Respond(200, kJsonType, out.str());
}

}  // namespace sshdiag
