#include "serve_command.h"

#include <sys/socket.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include <boost/program_options.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "listen_address.h"
#include "report.h"
#include "web_handler.h"

namespace po = boost::program_options;

namespace sshdiag {

namespace {

const char* kServeUsage =
    "Usage: sshdiag serve [--listen ADDR:PORT] [--lang en|ja] [--signatures DIR] [--kb DIR]\n"
    "Serves a page on which to paste an ssh -v log and read its diagnosis, and the API\n"
    "POST /api/v1/diagnose (JSON) and POST /api/v1/markdown. Nothing is stored.\n";

HttpRequest FromHttplib(const httplib::Request& req) {
  HttpRequest request;
  request.method = req.method;
  request.path = req.path;
  request.content_type = req.get_header_value("Content-Type");
  request.body = req.body;
  request.accept_language = req.get_header_value("Accept-Language");
  // cpp-httplib puts the query string's parameters here (a body read
  // through a ContentReader adds none).
  for (const auto& [name, value] : req.params) request.query.emplace_back(name, value);
  return request;
}

// An error of the server's own (not the handler's) in the handler's form:
// its headers, and JSON {"error": ...} on /api/ paths, plain text elsewhere.
void SetError(const httplib::Request& req, const std::string& why, httplib::Response& res) {
  for (const auto& [name, value] : WebSecurityHeaders()) res.set_header(name, value);
  if (req.path.rfind("/api/", 0) == 0) {
    res.set_content(nlohmann::json({{"error", why}}).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
                        "\n",
                    "application/json; charset=utf-8");
  } else {
    res.set_content(why + "\n", "text/plain; charset=utf-8");
  }
}

void ToHttplib(const HttpResponse& response, httplib::Response& res) {
  res.status = response.status;
  for (const auto& [name, value] : response.headers) res.set_header(name, value);
  res.set_content(response.body, response.content_type.c_str());
}

}  // namespace

int RunServe(int argc, char** argv) {
  std::string listen = "127.0.0.1:8022";
  std::string lang;
  std::vector<std::string> signature_dirs, kb_dirs;
  po::options_description visible("Options");
  visible.add_options()
      ("help,h", "show this help and exit")
      ("listen", po::value(&listen)->default_value(listen),
       "address and port to listen on; port 0 picks a free port. Any address but a loopback one "
       "lets other machines use the page")
      ("lang", po::value(&lang),
       "the page's language when the address has no ?lang=: en or ja (default: the browser's Accept-Language)")
      ("signatures,s", po::value(&signature_dirs)->composing(),
       "add a directory of signatures on top of the built-in set (repeatable)")
      ("kb", po::value(&kb_dirs)->composing(), "add a directory of knowledge-base articles (repeatable)");
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(visible).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return UsageError(std::string("serve: ") + e.what());
  }
  if (vm.count("help")) {
    std::cout << kServeUsage << "\n" << visible << "\nSee README.md (\"The web page\").\n";
    return kExitOk;
  }
  if (!lang.empty() && lang != "en" && lang != "ja") return UsageError("serve: --lang must be en or ja");
  const ListenAddress address = ParseListenAddress(listen);
  if (!address.error.empty()) return UsageError("serve: --listen " + listen + ": " + address.error);

  // Loaded once, read-only: every request's analysis shares it.
  const LoadedData data = LoadData(signature_dirs, kb_dirs);
  if (auto reason = UnusableDataReason(data, signature_dirs, kb_dirs); !reason.empty()) {
    WarnLoadIssues(data);
    std::cerr << "sshdiag: " << reason << "\n";
    return kExitUsage;
  }
  WarnLoadIssues(data);
  WebHandlerOptions options;
  options.program_version = SSHDIAG_VERSION;
  options.signature_set = data.signatures.fingerprint();
  options.failure_lines = data.failure_lines;
  options.default_lang = lang;
  const WebHandler handler(data.signatures, data.kb, options);

  // A browser that goes away mid-answer must not end the server.
  std::signal(SIGPIPE, SIG_IGN);
  httplib::Server server;
  // cpp-httplib answers 413 itself past this, before reading the body.
  server.set_payload_max_length(options.max_body_bytes);
  const httplib::Server::Handler serve = [&handler](const httplib::Request& req, httplib::Response& res) {
    ToHttplib(handler.Handle(FromHttplib(req)), res);
  };
  // A body is read through a ContentReader: cpp-httplib then applies only
  // set_payload_max_length (its own read of a form-encoded body into
  // req.body stops at 8 KiB, and a real -vvv log is 40-400 KB).
  const httplib::Server::HandlerWithContentReader serve_body =
      [&handler, limit = options.max_body_bytes](const httplib::Request& req, httplib::Response& res,
                                                 const httplib::ContentReader& read) {
        if (req.is_multipart_form_data()) {
          res.status = 415;
          res.set_header("Connection", "close");
          SetError(req, "send the log as text/plain, as JSON or as a form (application/x-www-form-urlencoded), "
                        "not multipart/form-data", res);
          return;
        }
        HttpRequest request = FromHttplib(req);
        request.body.clear();
        // cpp-httplib checks a Content-Length against the limit; a chunked
        // body has none, so the limit is kept here too, as it arrives.
        bool too_large = false;
        const bool whole = read([&request, &too_large, limit](const char* data, size_t size) {
          if (request.body.size() + size > limit) {
            too_large = true;
            return false;
          }
          request.body.append(data, size);
          return true;
        });
        if (too_large) {
          res.status = 413;
          res.set_header("Connection", "close");
          SetError(req, TooLargeMessage(limit), res);
          return;
        }
        if (!whole) {
          // cpp-httplib set 413 past the limit; the error handler words it.
          if (res.status < 400) res.status = 400;
          return;
        }
        ToHttplib(handler.Handle(request), res);
      };
  // Every method and path goes to the handler, which answers 404 and 405.
  server.Get(".*", serve).Options(".*", serve);
  server.Post(".*", serve_body).Put(".*", serve_body).Patch(".*", serve_body).Delete(".*", serve_body);
  // cpp-httplib's own refusals (413, 400) get the same headers and a reason.
  server.set_error_handler(httplib::Server::HandlerWithResponse([limit = options.max_body_bytes](
                                                                    const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;  // the handler's own error
    std::string why = "the request cannot be served";
    if (res.status == 413) {
      why = TooLargeMessage(limit);
    }
    SetError(req, why, res);
    return httplib::Server::HandlerResponse::Handled;
  }));

  // SO_REUSEADDR only: cpp-httplib's default adds SO_REUSEPORT, with which a
  // second server would share a port already in use instead of failing.
  server.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });

  errno = 0;
  int port = address.port;
  bool bound = false;
  if (port == 0) {
    port = server.bind_to_any_port(address.host);
    bound = port > 0;
  } else {
    bound = server.bind_to_port(address.host, port);
  }
  if (!bound) {
    const int why = errno;
    std::cerr << "sshdiag: serve: cannot listen on " << listen << ": "
              << (why != 0 ? std::strerror(why) : "the address does not resolve to one this machine has")
              << (why == EADDRINUSE ? " (another program listens there: pick another port, or port 0 for any "
                                      "free one)"
                                    : "")
              << "\n";
    return kExitUsage;
  }
  if (!IsLoopbackHost(address.host)) {
    Warn("serve: listening on " + address.host +
         ", which other machines may reach: anyone who can connect can use the page (no password, no TLS); "
         "use 127.0.0.1 to keep it to this machine");
  }
  std::cout << "sshdiag serve: open " << HttpUrl(address.host, port) << " (Ctrl-C stops it)" << std::endl;
  if (!server.listen_after_bind()) {
    std::cerr << "sshdiag: serve: stopped listening on " << listen << "\n";
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace sshdiag
