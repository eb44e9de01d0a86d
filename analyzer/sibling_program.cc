#include "sibling_program.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "report.h"
#include "safe_text.h"

namespace sshdiag {

std::string SiblingProgramPath(const std::string& self_exe, const std::string& argv0, const std::string& name) {
  namespace fs = std::filesystem;
  if (!self_exe.empty()) return (fs::path(self_exe).parent_path() / name).string();
  if (argv0.find('/') != std::string::npos) return (fs::path(argv0).parent_path() / name).string();
  return "";
}

int ExecSiblingProgram(const std::string& name, const std::string& argv0, const std::vector<std::string>& args) {
  std::error_code ec;
  std::string self = std::filesystem::read_symlink("/proc/self/exe", ec).string();
  if (ec) self.clear();
  const std::string path = SiblingProgramPath(self, argv0, name);
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(path.empty() ? name.c_str() : path.c_str()));
  for (size_t i = 1; i < args.size(); ++i) argv.push_back(const_cast<char*>(args[i].c_str()));
  argv.push_back(nullptr);
  // Whatever this process buffered would be lost with it.
  std::cout.flush();
  std::fflush(nullptr);
  if (path.empty()) {
    execvp(name.c_str(), argv.data());
  } else {
    execv(path.c_str(), argv.data());
  }
  const int why = errno;
  const std::string where = path.empty() ? name + " (searched PATH)" : path;
  std::cerr << "sshdiag: cannot run " << MakeVisible(where) << ": " << std::strerror(why);
  if (why == ENOENT) {
    std::cerr << " (" << name << " is part of sshdiag, installed in the same directory: cmake --install puts it there)";
  }
  std::cerr << "\n";
  return kExitUsage;
}

}  // namespace sshdiag
