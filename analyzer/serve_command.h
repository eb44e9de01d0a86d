// `sshdiag serve`: the local web page (web_handler.h) over HTTP, with
// cpp-httplib. Thin: options, loading the data once, binding, and carrying
// each request to the handler. It is the program sshdiag-serve
// (serve_main.cc), which `sshdiag serve` runs (sibling_program.h): only that
// program links cpp-httplib.
#ifndef SSHDIAG_SERVE_COMMAND_H_
#define SSHDIAG_SERVE_COMMAND_H_

namespace sshdiag {

// `sshdiag serve [--listen ADDR:PORT] [--signatures DIR] [--kb DIR]`:
// serves the page and the API until killed. Prints the page's URL on
// standard output once it listens (with port 0, the port the system
// picked), and a warning on standard error when ADDR is not a loopback
// address. Returns kExitUsage for a usage error, unusable data or an
// address it cannot listen on (the message says why), else runs until the
// process is stopped.
int RunServe(int argc, char** argv);

}  // namespace sshdiag

#endif  // SSHDIAG_SERVE_COMMAND_H_
