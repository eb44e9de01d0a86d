// The handler behind `sshdiag serve`, without sockets: routes, methods,
// limits, request parsing, the answers against the command line's, the
// security headers, the embedded page, and concurrent use.
#include "web_handler.h"

#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <regex>
#include <set>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "localized_text.h"
#include "temp_dir.h"
#include "test_support.h"
#include "web_assets.h"

using namespace sshdiag;
using namespace sshdiag::testing;

namespace {

const char* kIpqosLog = "corpus/lab/openssh-9.2/ipqos-reset.log";
const char* kHttpBannerLog = "corpus/lab/openssh-10.0/banner-not-ssh-http.log";

// What `sshdiag ARGS < FILE` prints on standard output.
std::string CommandOutput(const std::string& args, const std::string& stdin_file) {
  TempDir dir;
  const std::string cmd = std::string("NO_COLOR= LANG=C ") + SSHDIAG_BINARY + " " + args + " < " + stdin_file +
                          " > " + dir.path() + "/out 2>/dev/null";
  const int status = std::system(cmd.c_str());
  REQUIRE(WIFEXITED(status));
  return ReadFile(dir.path() + "/out");
}

// The program's version, as `sshdiag --version` prints it first.
std::string ProgramVersion() {
  static const std::string version = [] {
    const std::string out = CommandOutput("--version", "/dev/null");
    std::smatch m;
    REQUIRE(std::regex_search(out, m, std::regex("^sshdiag (\\S+)")));
    return m[1].str();
  }();
  return version;
}

const WebHandler& Handler() {
  static const WebHandler handler = [] {
    WebHandlerOptions options;
    options.program_version = ProgramVersion();
    options.signature_set = BuiltinSignatures().fingerprint();
    return WebHandler(BuiltinSignatures(), BuiltinKb(), options);
  }();
  return handler;
}

HttpResponse Request(const std::string& method, const std::string& path, const std::string& body = "",
                     const std::string& content_type = "") {
  return Handler().Handle({method, path, content_type, body});
}

std::string Header(const HttpResponse& r, const std::string& name) {
  for (const auto& [key, value] : r.headers) {
    if (key == name) return value;
  }
  return "";
}

std::string JsonRequest(const std::string& log, const std::string& extra = "") {
  return "{\"log\": " + nlohmann::json(log).dump() + extra + "}";
}

}  // namespace

TEST_CASE("web: GET serves the embedded page and files with their types", "[web_handler]") {
  for (const auto& file : EmbeddedWebFiles()) {
    HttpResponse r = Request("GET", std::string(file.path));
    CHECK(r.status == 200);
    // The page is a template the catalogue's words fill; the other files are served as they are.
    CHECK(r.body == (file.path == "/index.html" ? RenderPage(file.content, "en") : std::string(file.content)));
    CHECK(r.content_type == ContentTypeFor(file.path));
  }
  HttpResponse page = Request("GET", "/");
  CHECK(page.status == 200);
  CHECK(page.content_type == "text/html; charset=utf-8");
  CHECK(page.body == RenderPage(FindWebFile("/index.html")->content, "en"));
  CHECK(Request("GET", "/app.js").content_type == "text/javascript; charset=utf-8");
  CHECK(Request("GET", "/style.css").content_type == "text/css; charset=utf-8");
  CHECK(Request("HEAD", "/").status == 200);
}

TEST_CASE("web: the page works offline and builds the DOM from text only", "[web_handler]") {
  for (const auto& file : EmbeddedWebFiles()) {
    const std::string body(file.content);
    INFO(file.path);
    // Nothing fetched from elsewhere: no absolute URL in a src, href, url() or import.
    CHECK_FALSE(std::regex_search(body, std::regex(R"((src|href)\s*=\s*["']?(https?:)?//)", std::regex::icase)));
    CHECK_FALSE(std::regex_search(body, std::regex(R"(url\(\s*["']?(https?:)?//)", std::regex::icase)));
    CHECK_FALSE(std::regex_search(body, std::regex(R"(@import|fetch\(\s*["'`]https?:)", std::regex::icase)));
    // No HTML parsing of strings anywhere: log text can only become text.
    for (const char* sink : {"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"}) {
      CHECK(body.find(sink) == std::string::npos);
    }
  }
  const std::string page(FindWebFile("/")->content);
  // No inline script or style (the CSP would block them): every <script> has a src.
  CHECK_FALSE(std::regex_search(page, std::regex(R"(<script(?![^>]*\bsrc=)[^>]*>)", std::regex::icase)));
  CHECK_FALSE(std::regex_search(page, std::regex(R"(<style|\sstyle=|\son[a-z]+=)", std::regex::icase)));
}

TEST_CASE("web: every response carries a strict Content-Security-Policy and no-store", "[web_handler]") {
  for (const auto& r : {Request("GET", "/"), Request("GET", "/nope"), Request("POST", "/api/v1/diagnose", "x"),
                        Request("GET", "/api/v1/diagnose")}) {
    const std::string csp = Header(r, "Content-Security-Policy");
    CHECK(csp.find("default-src 'none'") != std::string::npos);
    CHECK(csp.find("script-src 'self'") != std::string::npos);
    CHECK(csp.find("require-trusted-types-for 'script'") != std::string::npos);
    CHECK(csp.find("frame-ancestors 'none'") != std::string::npos);
    CHECK(csp.find("unsafe") == std::string::npos);
    CHECK(csp.find("http") == std::string::npos);  // no other origin allowed for anything
    CHECK(Header(r, "X-Content-Type-Options") == "nosniff");
    CHECK(Header(r, "Cache-Control") == "no-store");
  }
}

TEST_CASE("web: unknown paths are 404, known paths with the wrong method 405 with Allow", "[web_handler]") {
  HttpResponse missing = Request("GET", "/etc/passwd");
  CHECK(missing.status == 404);
  CHECK(missing.content_type == "text/plain; charset=utf-8");
  HttpResponse api_missing = Request("POST", "/api/v1/nothing", "x");
  CHECK(api_missing.status == 404);
  CHECK(nlohmann::json::parse(api_missing.body).at("error").get<std::string>().find("/api/v1/nothing") !=
        std::string::npos);
  CHECK(Request("GET", "/../web/index.html").status == 404);
  for (const char* method : {"GET", "HEAD", "PUT", "DELETE", "OPTIONS"}) {
    HttpResponse r = Request(method, "/api/v1/diagnose");
    CHECK(r.status == 405);
    CHECK(Header(r, "Allow") == "POST");
  }
  HttpResponse post_page = Request("POST", "/", "x");
  CHECK(post_page.status == 405);
  CHECK(Header(post_page, "Allow") == "GET, HEAD");
  CHECK(Request("DELETE", "/app.js").status == 405);
}

TEST_CASE("web: a markup path in a 404 comes back as plain text, never HTML", "[web_handler]") {
  HttpResponse r = Request("GET", "/<script>alert(1)</script>");
  CHECK(r.status == 404);
  CHECK(r.content_type.rfind("text/plain", 0) == 0);
  HttpResponse api = Request("POST", "/api/<img src=x onerror=alert(1)>", "x");
  CHECK(api.content_type.rfind("application/json", 0) == 0);
}

TEST_CASE("web: /api/v1/diagnose answers exactly what sshdiag --format json prints", "[web_handler]") {
  for (const char* log : {kIpqosLog, kHttpBannerLog}) {
    INFO(log);
    const std::string text = ReadFile(SourcePath(log));
    const std::string expected = CommandOutput("--format json --lang en", SourcePath(log));
    REQUIRE_FALSE(expected.empty());
    HttpResponse raw = Request("POST", "/api/v1/diagnose", text, "text/plain");
    CHECK(raw.status == 200);
    CHECK(raw.content_type == "application/json; charset=utf-8");
    CHECK(raw.body == expected);
    HttpResponse json = Request("POST", "/api/v1/diagnose", JsonRequest(text), "application/json; charset=UTF-8");
    CHECK(json.status == 200);
    CHECK(json.body == expected);
    // No Content-Type (curl --data-binary sends a form type): the body is the log.
    CHECK(Request("POST", "/api/v1/diagnose", text, "application/x-www-form-urlencoded").body == expected);
  }
  // The hostile banner's markup is data in a JSON string, served as JSON.
  const std::string banner = Request("POST", "/api/v1/diagnose", ReadFile(SourcePath(kHttpBannerLog))).body;
  CHECK(nlohmann::json::parse(banner).at("diagnoses").at(0).at("kb") == "banner-not-ssh");
}

TEST_CASE("web: /api/v1/markdown answers what --format markdown prints, in the language asked", "[web_handler]") {
  const std::string text = ReadFile(SourcePath(kIpqosLog));
  HttpResponse en = Request("POST", "/api/v1/markdown", JsonRequest(text), "application/json");
  CHECK(en.status == 200);
  CHECK(en.content_type == "text/markdown; charset=utf-8");
  CHECK(en.body == CommandOutput("--format markdown --lang en", SourcePath(kIpqosLog)));
  HttpResponse ja = Request("POST", "/api/v1/markdown", JsonRequest(text, ", \"lang\": \"ja\""), "application/json");
  CHECK(ja.body == CommandOutput("--format markdown --lang ja", SourcePath(kIpqosLog)));
  CHECK(ja.body != en.body);
  HttpResponse ja_json = Request("POST", "/api/v1/diagnose", JsonRequest(text, ", \"lang\": \"ja\""), "application/json");
  CHECK(ja_json.body == CommandOutput("--format json --lang ja", SourcePath(kIpqosLog)));
}

TEST_CASE("web: bodies that cannot be used are 400 with the reason", "[web_handler]") {
  auto error_of = [](const std::string& body) {
    HttpResponse r = Request("POST", "/api/v1/diagnose", body, "application/json");
    CHECK(r.status == 400);
    CHECK(r.content_type == "application/json; charset=utf-8");
    return nlohmann::json::parse(r.body).at("error").get<std::string>();
  };
  CHECK(error_of("{\"log\": ").find("not valid JSON") != std::string::npos);
  CHECK(error_of("").find("not valid JSON") != std::string::npos);
  CHECK(error_of("[\"log\"]").find("must be an object") != std::string::npos);
  CHECK(error_of("{\"log\": 42}").find("\"log\" must be a string") != std::string::npos);
  CHECK(error_of("{}").find("no \"log\"") != std::string::npos);
  CHECK(error_of("{\"log\": \"x\", \"lang\": \"fr\"}").find("\"en\" or \"ja\"") != std::string::npos);
  CHECK(error_of("{\"log\": \"x\", \"redact\": \"yes\"}").find("true or false") != std::string::npos);
  CHECK(error_of("{\"log\": \"x\", \"redcat\": true}").find("unknown field \"redcat\"") != std::string::npos);
  // Invalid UTF-8 in a JSON body is refused by the parser, not passed on.
  CHECK(error_of(std::string("{\"log\": \"\xff\"}")).find("not valid JSON") != std::string::npos);
}

TEST_CASE("web: a body over the limit is 413, one at the limit is served", "[web_handler]") {
  WebHandlerOptions options;
  options.max_body_bytes = 1000;
  const WebHandler small(BuiltinSignatures(), BuiltinKb(), options);
  const std::string at_limit(1000, 'x');
  CHECK(small.Handle({"POST", "/api/v1/diagnose", "text/plain", at_limit}).status == 200);
  HttpResponse over = small.Handle({"POST", "/api/v1/diagnose", "text/plain", at_limit + "x"});
  CHECK(over.status == 413);
  CHECK(nlohmann::json::parse(over.body).at("error").get<std::string>().find("1000 bytes") != std::string::npos);
  CHECK(small.Handle({"POST", "/api/v1/markdown", "application/json", JsonRequest(at_limit)}).status == 413);
  CHECK(kDefaultMaxRequestBytes == 8u * 1024 * 1024);
}

TEST_CASE("web: the redaction switch reaches the printers, or is refused, never ignored", "[web_handler]") {
  DiagnoseRequest request;
  REQUIRE(ParseDiagnoseRequest("application/json", "{\"log\": \"x\", \"redact\": true}", &request).empty());
  CHECK(request.redact);
  PrintOptions print;
  CHECK(ApplyRequestToPrintOptions(request, &print) == RedactionAvailable());
  request.redact = false;
  CHECK(ApplyRequestToPrintOptions(request, &print));
  const std::string text = ReadFile(SourcePath(kIpqosLog));
  HttpResponse r = Request("POST", "/api/v1/diagnose", JsonRequest(text, ", \"redact\": true"), "application/json");
  if (RedactionAvailable()) {
    CHECK(r.status == 200);
  } else {
    // Until PrintOptions::redact exists, an unredacted answer would leak what the user asked to hide.
    CHECK(r.status == 501);
    CHECK(r.body.find("sshdiag-lab") == std::string::npos);
  }
  CHECK(Request("POST", "/api/v1/diagnose", JsonRequest(text, ", \"redact\": false"), "application/json").status ==
        200);
}

TEST_CASE("web: requests on many threads at once get the answers they get alone", "[web_handler]") {
  const std::vector<std::string> logs = {ReadFile(SourcePath(kIpqosLog)), ReadFile(SourcePath(kHttpBannerLog)),
                                         ReadFile(SourcePath("corpus/lab/openssh-9.2/connection-refused.log"))};
  std::vector<std::string> alone;
  for (const auto& log : logs) alone.push_back(Request("POST", "/api/v1/diagnose", log).body);
  constexpr int kThreads = 6, kRounds = 4;
  std::vector<int> mismatches(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < kRounds; ++round) {
        const size_t which = static_cast<size_t>(t + round) % logs.size();
        if (Request("POST", "/api/v1/diagnose", logs[which]).body != alone[which]) ++mismatches[t];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(std::count(mismatches.begin(), mismatches.end(), 0) == kThreads);
}

TEST_CASE("web: the page's words are the catalogue's, in the language of ?lang=, --lang or Accept-Language", "[web_handler]") {
  const std::string_view page_template = FindWebFile("/index.html")->content;
  for (const std::string lang : {"en", "ja"}) {
    INFO(lang);
    const std::string page = RenderPage(page_template, lang);
    CHECK(page.find("{{") == std::string::npos);  // every name in the template is a catalogue key
    CHECK(page.find("<html lang=\"" + lang + "\">") != std::string::npos);
    for (Msg m : {Msg::kPageDiagnose, Msg::kPageCopyMarkdown, Msg::kPageRedact, Msg::kPageLogHeading}) {
      CHECK(page.find(Say(m, lang)) != std::string::npos);
    }
  }
  // Which language: ?lang= first, then the server's --lang, then the browser's list, then English.
  HttpRequest r{"GET", "/", "", "", {}, "fr-CH, fr;q=0.9, ja;q=0.8, en;q=0.5"};
  CHECK(PageLanguage(r, "") == "ja");
  CHECK(PageLanguage(r, "en") == "en");
  r.query = {{"lang", "en"}};
  CHECK(PageLanguage(r, "ja") == "en");
  r.query = {{"lang", "xx"}};
  CHECK(PageLanguage(r, "") == "ja");
  r.accept_language = "ja;q=0, en";
  CHECK(PageLanguage(r, "") == "en");
  r.accept_language = "JA-jp";
  CHECK(PageLanguage(r, "") == "ja");
  r.accept_language = "";
  CHECK(PageLanguage(r, "") == "en");
  HttpResponse ja = Handler().Handle({"GET", "/", "", "", {}, "ja,en;q=0.5"});
  CHECK(ja.body == RenderPage(page_template, "ja"));
  CHECK(Handler().Handle({"GET", "/", "", "", {{"lang", "ja"}}, ""}).body == ja.body);
  WebHandlerOptions options;
  options.default_lang = "ja";
  const WebHandler japanese(BuiltinSignatures(), BuiltinKb(), options);
  CHECK(japanese.Handle({"GET", "/", "", "", {}, "en"}).body == ja.body);
}

TEST_CASE("web: /api/v1/messages is the whole catalogue in the language asked", "[web_handler]") {
  HttpResponse r = Handler().Handle({"GET", "/api/v1/messages", "", "", {{"lang", "ja"}}, ""});
  CHECK(r.status == 200);
  CHECK(r.content_type == "application/json; charset=utf-8");
  const auto j = nlohmann::json::parse(r.body);
  CHECK(j.at("lang") == "ja");
  CHECK(j.at("max_body_bytes") == kDefaultMaxRequestBytes);
  CHECK(j.at("messages").size() == MessageCatalogue().size());
  for (const auto& e : MessageCatalogue()) CHECK(j.at("messages").at(e.key) == e.ja);
  CHECK(nlohmann::json::parse(Request("GET", "/api/v1/messages").body).at("messages").at("page.diagnose") == "Diagnose");
  CHECK(Request("POST", "/api/v1/messages", "x").status == 405);
}

TEST_CASE("web: every message key the page's files name is in the catalogue", "[web_handler]") {
  std::set<std::string> keys;
  for (const auto& e : MessageCatalogue()) keys.insert(e.key);
  size_t named = 0;
  // data-msg="KEY" and {{KEY}} in the page, t('KEY' in the script.
  const std::regex pattern(R"re(data-msg(?:-aria)?="([^"]+)"|\{\{([^}]+)\}\}|\bt\('([^']+)'\s*[,)])re");
  for (const char* path : {"/index.html", "/app.js"}) {
    const std::string body(FindWebFile(path)->content);
    for (std::sregex_iterator it(body.begin(), body.end(), pattern), end; it != end; ++it) {
      const std::string key = (*it)[1].matched ? (*it)[1].str() : (*it)[2].matched ? (*it)[2].str() : (*it)[3].str();
      if (key == "lang") continue;  // {{lang}}: the language's code
      INFO(path << ": " << key);
      CHECK(keys.count(key) == 1);
      ++named;
    }
  }
  CHECK(named > 40);
  // The keys the script builds from the JSON's values (phase.NAME, level.NAME, ...).
  for (const char* key : {"phase.resolve", "phase.connect", "phase.banner", "phase.kex", "phase.hostkey", "phase.auth",
                          "phase.session", "level.certain", "level.likely", "level.possible", "where.client",
                          "where.server", "where.network", "outcome.succeeded", "outcome.failed", "outcome.incomplete",
                          "outcome.remote-command-failed", "page.verdict.diagnosed", "page.verdict.unrecognised",
                          "page.verdict.ok", "page.verdict.error"}) {
    INFO(key);
    CHECK(keys.count(key) == 1);
  }
}

TEST_CASE("web: a form's fields, or a log sent with the form type, are read whole", "[web_handler]") {
  const std::string text = ReadFile(SourcePath(kIpqosLog));
  REQUIRE(text.size() > 8192);  // past cpp-httplib's own form limit
  DiagnoseRequest request;
  // As curl --data-binary @LOG sends it: the log itself.
  REQUIRE(ParseDiagnoseRequest("application/x-www-form-urlencoded", text, &request).empty());
  CHECK(request.log == text);
  // As an HTML form (or curl --data-urlencode log@LOG -d lang=ja) sends it.
  std::string encoded;
  for (unsigned char c : text) {
    static const char* hex = "0123456789ABCDEF";
    if (std::isalnum(c)) {
      encoded += static_cast<char>(c);
    } else if (c == ' ') {
      encoded += '+';
    } else {
      encoded += '%';
      encoded += hex[c >> 4];
      encoded += hex[c & 15];
    }
  }
  REQUIRE(ParseDiagnoseRequest("application/x-www-form-urlencoded", "log=" + encoded + "&lang=ja&redact=on", &request)
              .empty());
  CHECK(request.log == text);
  CHECK(request.lang == "ja");
  CHECK(request.redact);
  CHECK(ParseDiagnoseRequest("application/x-www-form-urlencoded", "lang=ja", &request).find("no \"log\"") !=
        std::string::npos);
  CHECK(ParseDiagnoseRequest("application/x-www-form-urlencoded", "log=x&lang=fr", &request).find("\"en\" or") !=
        std::string::npos);
  // A field the form does not have: the body is a log, not a form.
  REQUIRE(ParseDiagnoseRequest("application/x-www-form-urlencoded", "log=x&other=1", &request).empty());
  CHECK(request.log == "log=x&other=1");
  HttpResponse r = Request("POST", "/api/v1/diagnose", "log=" + encoded + "&lang=ja", "application/x-www-form-urlencoded");
  CHECK(r.body == CommandOutput("--format json --lang ja", SourcePath(kIpqosLog)));
}
