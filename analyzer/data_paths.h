// Where the built-in signature and knowledge-base sets live.
#ifndef SSHDIAG_DATA_PATHS_H_
#define SSHDIAG_DATA_PATHS_H_

#include <string>
#include <vector>

namespace sshdiag {

// The directory holding signatures/, kb/ and failures/: $SSHDIAG_DATA_DIR when set; the
// source tree when the program runs from its build tree; PREFIX/share/sshdiag
// relative to an installed program; else the configured install path.
std::string BuiltinDataDir();

// A directory holding signatures/ and/or kb/ that overlays the built-in set.
struct OverlayRoot {
  std::string origin;  // "pack", "user" or "SSHDIAG_PATH": what `signatures list` shows
  std::string dir;
};

// Where `sshdiag signatures update` keeps packs: $XDG_DATA_HOME/sshdiag
// (default ~/.local/share/sshdiag); "" when neither variable nor HOME is set.
std::string PackRoot();

// The user's own directory: $XDG_CONFIG_HOME/sshdiag (default
// ~/.config/sshdiag), holding signatures/, kb/ and update.json; "" as above.
std::string UserConfigDir();

// The overlay roots in force, in load order (a later one's signature or
// article with the same id replaces an earlier one's): the active update pack
// (PackRoot()/active, a symlink to the pack's directory), the user's own
// ($XDG_CONFIG_HOME/sshdiag, default ~/.config/sshdiag), then each directory
// of $SSHDIAG_PATH (colon-separated). Roots that do not exist are left out:
// they are places a user may fill, not requirements. `--signatures` and
// `--kb` layers go on top of all of them.
std::vector<OverlayRoot> OverlayRoots();

}  // namespace sshdiag

#endif  // SSHDIAG_DATA_PATHS_H_
