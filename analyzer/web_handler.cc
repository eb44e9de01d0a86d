#include "web_handler.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <sstream>
#include <type_traits>

#include <nlohmann/json.hpp>

#include "json_printer.h"
#include "localized_text.h"
#include "markdown_printer.h"
#include "safe_text.h"
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

// "%41+b" -> "A b" (application/x-www-form-urlencoded); a malformed escape stays as it is.
std::string FormDecode(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '+') {
      out += ' ';
    } else if (in[i] == '%' && i + 2 < in.size() && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
      out += static_cast<char>(hex(in[i + 1]) * 16 + hex(in[i + 2]));
      i += 2;
    } else {
      out += in[i];
    }
  }
  return out;
}

// An HTML form's body (name=value&...) with only the request's field names,
// split; false for anything else (a log sent with curl's default type has
// blanks and line breaks, which a form encodes).
bool SplitForm(const std::string& body, std::vector<std::pair<std::string, std::string>>* fields) {
  if (body.empty() || body.find_first_of(" \t\r\n") != std::string::npos) return false;
  size_t start = 0;
  while (start <= body.size()) {
    size_t end = body.find('&', start);
    if (end == std::string::npos) end = body.size();
    const std::string_view pair(body.data() + start, end - start);
    const size_t eq = pair.find('=');
    if (eq == std::string_view::npos) return false;
    std::string name = FormDecode(pair.substr(0, eq));
    if (name != "log" && name != "lang" && name != "redact") return false;
    fields->emplace_back(std::move(name), FormDecode(pair.substr(eq + 1)));
    start = end + 1;
  }
  return true;
}

}  // namespace

std::string TooLargeMessage(size_t max_body_bytes) {
  return "the request is larger than " + std::to_string(max_body_bytes) +
         " bytes; diagnose a log this large with the sshdiag command";
}

std::string PageLanguage(const HttpRequest& request, const std::string& default_lang) {
  for (const auto& [name, value] : request.query) {
    if (name == "lang" && IsCatalogueLanguage(value)) return value;
  }
  if (IsCatalogueLanguage(default_lang)) return default_lang;
  // "ja-JP,ja;q=0.9,en-US;q=0.8": browsers list the user's languages in order.
  std::stringstream list(request.accept_language);
  std::string item;
  while (std::getline(list, item, ',')) {
    std::string tag = item.substr(0, item.find(';'));
    tag.erase(std::remove_if(tag.begin(), tag.end(), [](unsigned char c) { return std::isspace(c); }), tag.end());
    tag = tag.substr(0, tag.find('-'));
    std::transform(tag.begin(), tag.end(), tag.begin(), [](unsigned char c) { return std::tolower(c); });
    const size_t q = item.find(";q=");
    if (q != std::string::npos && std::strtod(item.c_str() + q + 3, nullptr) <= 0) continue;
    if (IsCatalogueLanguage(tag)) return tag;
  }
  return "en";
}

std::string RenderPage(std::string_view page_template, const std::string& lang) {
  std::map<std::string_view, const MessageEntry*> by_key;
  for (const auto& e : MessageCatalogue()) by_key[e.key] = &e;
  std::string out;
  out.reserve(page_template.size() + 4096);
  size_t at = 0;
  while (at < page_template.size()) {
    const size_t open = page_template.find("{{", at);
    const size_t close = open == std::string_view::npos ? open : page_template.find("}}", open + 2);
    if (close == std::string_view::npos) break;
    out.append(page_template.substr(at, open - at));
    const std::string_view key = page_template.substr(open + 2, close - open - 2);
    if (key == "lang") {
      out += EscapeHtml(lang);
    } else if (auto it = by_key.find(key); it != by_key.end()) {
      out += EscapeHtml(Say(it->second->id, lang));
    } else {
      out.append(page_template.substr(open, close + 2 - open));
    }
    at = close + 2;
  }
  if (at < page_template.size()) out.append(page_template.substr(at));
  return out;
}

nlohmann::json MessagesJson(const std::string& lang, size_t max_body_bytes) {
  nlohmann::json messages = nlohmann::json::object();
  for (const auto& e : MessageCatalogue()) messages[e.key] = Say(e.id, lang);
  return {{"lang", lang}, {"max_body_bytes", max_body_bytes}, {"messages", messages}};
}

std::string ParseDiagnoseRequest(const std::string& content_type, const std::string& body, DiagnoseRequest* out) {
  *out = DiagnoseRequest();
  const std::string media = MediaType(content_type);
  if (media == "application/x-www-form-urlencoded") {
    std::vector<std::pair<std::string, std::string>> fields;
    if (!SplitForm(body, &fields)) {
      out->log = body;
      return "";
    }
    bool has_log = false;
    for (const auto& [name, value] : fields) {
      if (name == "log") {
        out->log = value;
        has_log = true;
      } else if (name == "lang") {
        if (value != "en" && value != "ja") return "\"lang\" must be \"en\" or \"ja\"";
        out->lang = value;
      } else {
        out->redact = value == "on" || value == "true" || value == "1";
      }
    }
    if (!has_log) return "the form has no \"log\"";
    return "";
  }
  if (media != "application/json") {
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
  if (request.path == "/api/v1/messages") {
    if (!read) return MethodNotAllowed(request, "GET, HEAD");
    return Respond(200, kJsonType,
                   MessagesJson(PageLanguage(request, options_.default_lang), options_.max_body_bytes).dump(1) + "\n");
  }
  if (const EmbeddedFile* file = FindWebFile(request.path)) {
    if (!read) return MethodNotAllowed(request, "GET, HEAD");
    if (file->path == "/index.html") {
      return Respond(200, ContentTypeFor(file->path),
                     RenderPage(file->content, PageLanguage(request, options_.default_lang)));
    }
    return Respond(200, ContentTypeFor(file->path), std::string(file->content));
  }
  return Error(request, 404, "not found: " + request.path);
}

HttpResponse WebHandler::Diagnose(const HttpRequest& request, bool markdown) const {
  if (request.body.size() > options_.max_body_bytes) {
    return Error(request, 413, TooLargeMessage(options_.max_body_bytes));
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
