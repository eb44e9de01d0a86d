// Where the built-in signature and knowledge-base sets live.
#ifndef SSHDIAG_DATA_PATHS_H_
#define SSHDIAG_DATA_PATHS_H_

#include <string>

namespace sshdiag {

// The directory holding signatures/, kb/ and failures/: $SSHDIAG_DATA_DIR when set; the
// source tree when the program runs from its build tree; PREFIX/share/sshdiag
// relative to an installed program; else the configured install path.
std::string BuiltinDataDir();

}  // namespace sshdiag

#endif  // SSHDIAG_DATA_PATHS_H_
