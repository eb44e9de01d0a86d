// Programs installed beside sshdiag, git-style: `sshdiag serve` is the
// program sshdiag-serve, so that only it links cpp-httplib and, through it,
// OpenSSL, brotli and zlib, whose loading and initialisation cost every run of
// sshdiag ~2 ms before (bench/README.md).
#ifndef SSHDIAG_SIBLING_PROGRAM_H_
#define SSHDIAG_SIBLING_PROGRAM_H_

#include <string>
#include <vector>

namespace sshdiag {

// Where the program NAME beside the running one is: in the directory of
// self_exe (what /proc/self/exe names: the real file, symbolic links
// resolved, so a link to sshdiag in ~/bin still finds its sibling); when
// self_exe is "" (no /proc), in the directory of argv0 if argv0 names one
// ("./sshdiag", "/opt/x/sshdiag"); else "" (sshdiag was found in PATH, and
// NAME is looked up there too).
std::string SiblingProgramPath(const std::string& self_exe, const std::string& argv0, const std::string& name);

// Replaces this process (the same PID: whoever started sshdiag can still
// signal it) with the program NAME beside the running one (SiblingProgramPath
// with /proc/self/exe), run with args after its own path (args[0] is ignored).
// Returns only when that program cannot be run: then prints "sshdiag: cannot
// run PATH: WHY" on standard error, naming the path it tried (or PATH's
// search) and, when the file is missing, where it belongs, and returns
// kExitUsage.
int ExecSiblingProgram(const std::string& name, const std::string& argv0, const std::vector<std::string>& args);

}  // namespace sshdiag

#endif  // SSHDIAG_SIBLING_PROGRAM_H_
