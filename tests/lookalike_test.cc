// Look-alikes: failures whose last line is the same but whose cause is not.
// Each case is a real lab log; the right cause must rank first, and the
// look-alike may at most be mentioned as "possible".
#include <filesystem>

#include <catch2/catch.hpp>

#include "test_support.h"

using namespace sshdiag;
using namespace sshdiag::testing;

namespace {

struct LookAlike {
  const char* log;    // under corpus/lab/
  const char* right;  // root cause that must rank first
  std::vector<const char*> wrong;  // look-alikes that must not be offered as likely or certain at any rank
};

void Check(const std::vector<LookAlike>& cases) {
  for (const auto& c : cases) {
    std::string path = std::string("corpus/lab/") + c.log;
    INFO(path);
    REQUIRE(std::filesystem::exists(SourcePath(path)));
    Report r = AnalyzeFile(path);
    REQUIRE_FALSE(r.diagnoses.empty());
    CHECK(r.diagnoses[0].kb == c.right);
    for (const char* w : c.wrong) {
      for (const auto& d : r.diagnoses) {
        INFO("look-alike " << w << " offered as " << LevelName(d.level));
        CHECK((d.kb != w || d.level == Level::kPossible));
      }
    }
  }
}

}  // namespace

TEST_CASE("Broken pipe right after the channel opens vs a path cut after login vs the remote shell exiting",
          "[lookalike]") {
  Check({
      {"openssh-9.2/ipqos-reset.log", "ipqos-tos-drop", {"server-not-responding", "shell-invalid-or-exits"}},
      {"openssh-8.4/ipqos-reset.log", "ipqos-tos-drop", {"server-not-responding", "shell-invalid-or-exits"}},
      {"openssh-10.0/ipqos-reset.log", "ipqos-tos-drop", {"server-not-responding", "shell-invalid-or-exits"}},
      {"openssh-9.2/ipqos-drop-router.log", "ipqos-tos-drop", {"server-not-responding"}},
      {"openssh-9.2/path-cut-after-login.log", "server-not-responding", {"ipqos-tos-drop"}},
      {"openssh-9.2/shell-false.log", "shell-invalid-or-exits", {"ipqos-tos-drop"}},
  });
}

TEST_CASE("Connection closed during the banner exchange vs after authentication", "[lookalike]") {
  Check({
      {"openssh-9.2/banner-closed.log", "banner-reset-or-closed", {"chroot-or-session-setup-failure"}},
      {"openssh-10.0/banner-closed.log", "banner-reset-or-closed", {"chroot-or-session-setup-failure"}},
      {"openssh-9.2/too-many-auth-failures.log", "too-many-auth-failures", {"banner-reset-or-closed"}},
  });
}

TEST_CASE("Permission denied (publickey): key refused vs key unreadable vs key unusable", "[lookalike]") {
  Check({
      {"openssh-9.2/publickey-not-authorized.log", "publickey-not-authorized",
       {"private-key-permissions-too-open", "key-invalid-format", "key-passphrase-needed"}},
      {"openssh-9.2/private-key-permissions.log", "private-key-permissions-too-open", {"publickey-not-authorized"}},
      {"openssh-9.2/private-key-invalid-format.log", "key-invalid-format", {"publickey-not-authorized"}},
      {"openssh-9.2/encrypted-key-batchmode.log", "key-passphrase-needed", {"publickey-not-authorized"}},
      {"openssh-8.4/private-key-invalid-format.log", "key-invalid-format", {"publickey-not-authorized"}},
      {"openssh-10.0/private-key-permissions.log", "private-key-permissions-too-open", {"publickey-not-authorized"}},
  });
}

TEST_CASE("Connection refused vs timed out vs no route", "[lookalike]") {
  Check({
      {"openssh-9.2/connection-refused.log", "connection-refused", {"connection-timeout", "no-route-to-host"}},
      {"openssh-9.2/connection-timeout.log", "connection-timeout", {"connection-refused", "no-route-to-host"}},
      {"openssh-9.2/no-route-to-host.log", "no-route-to-host", {"connection-refused", "connection-timeout"}},
  });
}

TEST_CASE("The specific signature of a cause wins over its generic sibling and says what it saw", "[lookalike]") {
  // Same root cause, two signatures: the specific one quotes the line that
  // proves the cause and is certain; the generic one would only be likely.
  struct Case {
    const char* log;
    const char* signature;
    const char* quoted;  // text of the log the explanation must quote
  };
  const Case cases[] = {
      {"openssh-9.2/nologin-active.log", "nologin-active", "/etc/nologin exists"},
      {"openssh-8.4/nologin-active.log", "nologin-active", "/etc/nologin exists"},
      {"openssh-10.0/nologin-active.log", "nologin-active", "/etc/nologin exists"},
      {"openssh-9.2/proxycommand-missing.log", "proxycommand-program-missing", "ncat: not found"},
      {"openssh-8.4/proxycommand-missing.log", "proxycommand-program-missing", "ncat: not found"},
      {"openssh-10.0/proxycommand-missing.log", "proxycommand-program-missing", "ncat: not found"},
      {"openssh-10.0/pubkey-algorithm-not-accepted.log", "server-sig-algs-lack-ed25519", "server-sig-algs: "},
  };
  for (const auto& c : cases) {
    std::string path = std::string("corpus/lab/") + c.log;
    INFO(path);
    Report r = AnalyzeFile(path);
    REQUIRE_FALSE(r.diagnoses.empty());
    CHECK(r.diagnoses[0].signature == c.signature);
    CHECK(r.diagnoses[0].level == Level::kCertain);
    CHECK(r.diagnoses[0].explanation.find(c.quoted) != std::string::npos);
  }
}

TEST_CASE("A ProxyJump failure is named for the parent session, beside the jump host's own failure", "[lookalike]") {
  // The jump host refuses: its own session says connection-refused, and the
  // parent session is explained as a ProxyJump failure, not left unexplained.
  for (const char* release : {"9.2", "8.4", "10.0"}) {
    std::string path = std::string("corpus/lab/openssh-") + release + "/proxyjump-jumphost-refused.log";
    INFO(path);
    Report r = AnalyzeFile(path);
    bool parent = false, child = false;
    for (const auto& d : r.diagnoses) {
      const Session& s = r.sessions.at(d.session).session;
      parent = parent || (s.parent < 0 && d.signature == "proxyjump-child-failed");
      child = child || (s.parent >= 0 && d.kb == "connection-refused");
    }
    CHECK(parent);
    CHECK(child);
    // The jump host forbids the forward: the specific signature is certain.
    std::string fwd = std::string("corpus/lab/openssh-") + release + "/proxyjump-forwarding-prohibited.log";
    INFO(fwd);
    Report f = AnalyzeFile(fwd);
    REQUIRE_FALSE(f.diagnoses.empty());
    CHECK(f.diagnoses[0].signature == "proxyjump-forward-refused");
    CHECK(f.diagnoses[0].level == Level::kCertain);
  }
}

TEST_CASE("A rejected user certificate is named as such, first, not only as an unaccepted key", "[lookalike]") {
  for (const char* release : {"9.2", "8.4"}) {
    std::string path = std::string("corpus/lab/openssh-") + release + "/user-cert-expired.log";
    INFO(path);
    Report r = AnalyzeFile(path);
    REQUIRE_FALSE(r.diagnoses.empty());
    CHECK(r.diagnoses[0].signature == "user-certificate-rejected");
    CHECK(r.diagnoses[0].explanation.find("-CERT") != std::string::npos);
  }
}

TEST_CASE("Permission denied (publickey): the agent's key hidden by IdentitiesOnly vs a key not authorized",
          "[lookalike]") {
  // 9.2+ says which agent key it skipped; only agent-keys-not-offered reads that.
  Check({
      {"openssh-9.2/identitiesonly-config-agent-rsa.log", "identitiesonly-hides-agent-key", {}},
      {"openssh-10.0/identitiesonly-config-agent-rsa.log", "identitiesonly-hides-agent-key", {}},
      {"openssh-9.2/publickey-not-authorized.log", "publickey-not-authorized", {"identitiesonly-hides-agent-key"}},
  });
}
