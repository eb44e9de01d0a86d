// Update packs: fetched from a local git repository and a loopback HTTP
// server, signed and verified with the real ssh-keygen, refused when
// tampered, unsigned or signed by an unknown key, and never leaving a
// half-installed pack in force, even when the update is killed.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include <catch2/catch.hpp>

#include "pack_update.h"
#include "temp_dir.h"
#include "test_support.h"

using namespace sshdiag;
using namespace sshdiag::testing;

namespace {

int Shell(const std::string& cmd) {
  int status = std::system(("set -e; { " + cmd + "; } >/dev/null 2>&1").c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// The maintainer's commands of CONTRIBUTING.md ("Publishing a signed pack").
const char* kPublish =
    "find . -type f ! -path './.git/*' ! -path ./MANIFEST ! -path ./MANIFEST.sig -printf '%P\\n' | LC_ALL=C sort "
    "| xargs -d '\\n' sha256sum > MANIFEST && rm -f MANIFEST.sig && "
    "ssh-keygen -q -Y sign -f KEY -n sshdiag-pack MANIFEST";

// A home with a signing key, a second (untrusted) key, the user's
// allowed_signers trusting the first, and a pack repository.
struct PackWorld {
  TempDir home;
  std::string repo = home.path() + "/repo";
  std::string key = home.path() + "/maint_key";
  std::string other_key = home.path() + "/other_key";
  std::string allowed = home.path() + "/allowed_signers";
  std::string pack_root = home.path() + "/data/sshdiag";

  PackWorld() {
    REQUIRE(Shell("ssh-keygen -q -t ed25519 -N '' -C maint -f " + key) == 0);
    REQUIRE(Shell("ssh-keygen -q -t ed25519 -N '' -C other -f " + other_key) == 0);
    REQUIRE(Shell("printf 'maint@example.org %s\\n' \"$(cut -d' ' -f1,2 " + key + ".pub)\" > " + allowed) == 0);
    REQUIRE(Shell("git init -q " + repo) == 0);
  }

  // Writes version of the pack into the repository (its one signature
  // replaces the built-in connection-refused, saying which version it is).
  void Write(const std::string& version, const std::string& extra_pack_fields = "") {
    home.Write("repo/pack.json", R"({"id": "test-pack", "version": ")" + version +
                                     R"(", "schema": 1, "min_sshdiag": "0.1.0")" + extra_pack_fields + "}\n");
    home.Write("repo/signatures/connection-refused.json",
               R"({"id": "connection-refused", "kb": "connection-refused", "explanation": "PACK VERSION )" +
                   version + R"(", "lines": [{"name": "r", "literal": "Connection refused"}],
                  "examples": {"match": ["logs/connection-refused.log"], "no_match": ["logs/success-exec.log"]}})");
    for (const char* log : {"connection-refused.log", "success-exec.log"}) {
      home.Write(std::string("repo/logs/") + log, ReadFile(SourcePath(std::string("corpus/lab/openssh-9.2/") + log)));
    }
  }

  // Lists and signs the files with key (the maintainer's by default).
  void Sign(const std::string& with = "") {
    std::string publish = kPublish;
    publish.replace(publish.find("KEY"), 3, with.empty() ? key : with);
    REQUIRE(Shell("cd " + repo + " && " + publish) == 0);
  }

  void Commit() { REQUIRE(Shell("cd " + repo + " && git add -A && git -c user.name=m -c user.email=m@x commit -qm v") == 0); }

  void Publish(const std::string& version) {
    Write(version);
    Sign();
    Commit();
  }

  UpdateResult Update(const std::string& source) const {
    UpdateOptions o;
    o.source = source;
    o.allowed_signers = allowed;
    o.pack_root = pack_root;
    o.builtin_dir = SSHDIAG_SOURCE_DIR;
    o.program_version = "0.1.0";
    return UpdatePack(o);
  }

  std::string ActiveVersion() const {
    auto p = FindPack(pack_root);
    return p ? p->info.version : "none";
  }

  // sshdiag's answer on a refused connection with this home's pack in force.
  std::string Diagnose() const {
    std::string out = home.path() + "/diagnose.out";
    std::system(("XDG_DATA_HOME=" + home.path() + "/data XDG_CONFIG_HOME=" + home.path() + "/config " +
                 SSHDIAG_BINARY + " " + SourcePath("corpus/lab/openssh-9.2/connection-refused.log") + " > " + out +
                 " 2>&1")
                    .c_str());
    return ReadFile(out);
  }

  // Runs `sshdiag ARGS` in this home; returns the raw wait status.
  int Sshdiag(const std::string& env, const std::string& args, std::string* output) const {
    std::string out = home.path() + "/sshdiag.out";
    int status = std::system((env + " HOME=" + home.path() + " XDG_DATA_HOME=" + home.path() +
                              "/data XDG_CONFIG_HOME=" + home.path() + "/config " + SSHDIAG_BINARY + " " + args +
                              " > " + out + " 2>&1")
                                 .c_str());
    *output = ReadFile(out);
    return status;
  }
};

bool Has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("pack_update: a signed pack from a local git repository is verified and made active", "[pack_update]") {
  PackWorld w;
  CHECK(w.ActiveVersion() == "none");
  w.Publish("1");
  UpdateResult r = w.Update(w.repo);
  INFO(r.message);
  REQUIRE(r.ok);
  CHECK(w.ActiveVersion() == "1");
  CHECK(FindPack(w.pack_root)->signer == "maint@example.org");
  CHECK(FindPack(w.pack_root)->source == w.repo);
  CHECK(std::filesystem::is_symlink(w.pack_root + "/active"));
  CHECK(Has(w.Diagnose(), "PACK VERSION 1"));
  // Nothing of the staging area or git's metadata is left.
  int entries = 0;
  for (const auto& e : std::filesystem::directory_iterator(w.pack_root + "/packs")) entries += e.path().empty() ? 0 : 1;
  CHECK(entries == 1);
  CHECK_FALSE(std::filesystem::exists(FindPack(w.pack_root)->dir + "/.git"));
}

TEST_CASE("pack_update: a tampered file is refused by name and the previous pack stays", "[pack_update]") {
  PackWorld w;
  w.Publish("1");
  REQUIRE(w.Update(w.repo).ok);
  w.Write("2");
  w.Sign();
  // Changed after signing: the digest in MANIFEST no longer fits.
  w.home.Write("repo/signatures/connection-refused.json",
               ReadFile(w.repo + "/signatures/connection-refused.json") + " ");
  w.Commit();
  UpdateResult r = w.Update(w.repo);
  CHECK_FALSE(r.ok);
  CHECK(Has(r.message, "signatures/connection-refused.json: tampered"));
  CHECK(w.ActiveVersion() == "1");
  CHECK(Has(w.Diagnose(), "PACK VERSION 1"));
}

TEST_CASE("pack_update: an unlisted file or a missing listed file is refused", "[pack_update]") {
  PackWorld w;
  w.Write("1");
  w.Sign();
  w.home.Write("repo/signatures/extra.json", "{}");
  w.Commit();
  UpdateResult extra = w.Update(w.repo);
  CHECK_FALSE(extra.ok);
  CHECK(Has(extra.message, "signatures/extra.json: not listed in MANIFEST"));
  REQUIRE(Shell("cd " + w.repo + " && git rm -q signatures/extra.json logs/success-exec.log && git -c user.name=m "
                "-c user.email=m@x commit -qm rm") == 0);
  UpdateResult missing = w.Update(w.repo);
  CHECK_FALSE(missing.ok);
  CHECK(Has(missing.message, "logs/success-exec.log: listed in MANIFEST but missing"));
  CHECK(w.ActiveVersion() == "none");
}

TEST_CASE("pack_update: a pack signed by a key the user does not trust is refused", "[pack_update]") {
  PackWorld w;
  w.Write("1");
  w.Sign(w.other_key);
  w.Commit();
  UpdateResult r = w.Update(w.repo);
  CHECK_FALSE(r.ok);
  CHECK(Has(r.message, "MANIFEST.sig: not signed by a key in " + w.allowed));
  CHECK(w.ActiveVersion() == "none");
  CHECK_FALSE(Has(w.Diagnose(), "PACK VERSION"));
}

TEST_CASE("pack_update: a signature made for another namespace is refused", "[pack_update]") {
  PackWorld w;
  w.Write("1");
  w.Sign();
  REQUIRE(Shell("cd " + w.repo + " && rm MANIFEST.sig && ssh-keygen -q -Y sign -f " + w.key +
                " -n git MANIFEST") == 0);
  w.Commit();
  UpdateResult r = w.Update(w.repo);
  CHECK_FALSE(r.ok);
  CHECK(Has(r.message, "MANIFEST.sig: the signature does not verify"));
}

TEST_CASE("pack_update: an unsigned pack is refused", "[pack_update]") {
  PackWorld w;
  w.Write("1");
  w.Sign();
  REQUIRE(Shell("cd " + w.repo + " && rm MANIFEST.sig") == 0);
  w.Commit();
  UpdateResult r = w.Update(w.repo);
  CHECK_FALSE(r.ok);
  CHECK(Has(r.message, "unsigned pack: it has no MANIFEST.sig"));
  REQUIRE(Shell("cd " + w.repo + " && git rm -q MANIFEST && git -c user.name=m -c user.email=m@x commit -qm rm") ==
          0);
  CHECK(Has(w.Update(w.repo).message, "unsigned pack: it has no MANIFEST"));
}

TEST_CASE("pack_update: the declared schema and minimum sshdiag version are checked", "[pack_update]") {
  PackWorld w;
  w.home.Write("repo/pack.json", R"({"id": "p", "version": "1", "schema": 2, "min_sshdiag": "0.1.0"})");
  w.Sign();
  w.Commit();
  CHECK(Has(w.Update(w.repo).message, "schema 2, but this sshdiag reads schema 1"));
  w.home.Write("repo/pack.json", R"({"id": "p", "version": "1", "schema": 1, "min_sshdiag": "99.0"})");
  w.Sign();
  w.Commit();
  CHECK(Has(w.Update(w.repo).message, "needs sshdiag 99.0 or later"));
  w.home.Write("repo/pack.json", R"({"id": "p", "version": "1", "schema": 1, "min_sshdiag": "0.1", "x": 1})");
  w.Sign();
  w.Commit();
  CHECK(Has(w.Update(w.repo).message, "pack.json"));
  CHECK(w.ActiveVersion() == "none");
}

TEST_CASE("pack_update: a pack that fails lint or its own examples is refused", "[pack_update]") {
  PackWorld w;
  w.Write("1");
  w.home.Write("repo/signatures/connection-refused.json",
               R"({"id": "connection-refused", "kb": "no-such-article", "explanation": "x",
                  "lines": [{"name": "r", "literal": "Connection refused"}]})");
  w.Sign();
  w.Commit();
  UpdateResult lint = w.Update(w.repo);
  CHECK_FALSE(lint.ok);
  CHECK(Has(lint.message, "lint found 1 error(s)"));
  CHECK(Has(lint.message, "SD005"));
  w.Write("1");
  // Its match example is a log the signature does not fire on.
  w.home.Write("repo/logs/connection-refused.log", ReadFile(SourcePath("corpus/lab/openssh-9.2/success-exec.log")));
  w.Sign();
  w.Commit();
  UpdateResult examples = w.Update(w.repo);
  CHECK_FALSE(examples.ok);
  CHECK(Has(examples.message, "its own examples fail"));
  CHECK(Has(examples.message, "logs/connection-refused.log"));
  CHECK(w.ActiveVersion() == "none");
}

TEST_CASE("pack_update: an update killed half-way leaves the previous pack working", "[pack_update]") {
  PackWorld w;
  w.Publish("1");
  std::string out;
  int first = w.Sshdiag("", "signatures update --from " + w.repo + " --allowed-signers " + w.allowed, &out);
  INFO(out);
  REQUIRE(WIFEXITED(first));
  REQUIRE(WEXITSTATUS(first) == 0);
  w.Publish("2");
  for (const char* hook : {"kill-during-copy", "kill-before-swap"}) {
    INFO(hook);
    int killed = w.Sshdiag(std::string("SSHDIAG_TEST_HOOK=") + hook, "signatures update", &out);
    // std::system's shell reports a child killed by SIGKILL as 128+9.
    CHECK(((WIFSIGNALED(killed) && WTERMSIG(killed) == SIGKILL) ||
           (WIFEXITED(killed) && WEXITSTATUS(killed) == 128 + SIGKILL)));
    CHECK(w.ActiveVersion() == "1");
    CHECK(Has(w.Diagnose(), "PACK VERSION 1"));
  }
  // The leftovers do not stop the next update, which removes them.
  int again = w.Sshdiag("", "signatures update", &out);
  CHECK(WEXITSTATUS(again) == 0);
  CHECK(w.ActiveVersion() == "2");
  int entries = 0;
  for (const auto& e : std::filesystem::directory_iterator(w.pack_root + "/packs")) entries += e.path().empty() ? 0 : 1;
  CHECK(entries == 2);  // the active pack and the previous one
}

TEST_CASE("pack_update: rollback returns to the previous pack and back", "[pack_update]") {
  PackWorld w;
  CHECK_FALSE(RollbackPack(w.pack_root).ok);
  w.Publish("1");
  REQUIRE(w.Update(w.repo).ok);
  w.Publish("2");
  REQUIRE(w.Update(w.repo).ok);
  CHECK(w.ActiveVersion() == "2");
  UpdateResult back = RollbackPack(w.pack_root);
  CHECK(back.ok);
  CHECK(w.ActiveVersion() == "1");
  CHECK(Has(w.Diagnose(), "PACK VERSION 1"));
  CHECK(RollbackPack(w.pack_root).ok);
  CHECK(w.ActiveVersion() == "2");
}

TEST_CASE("pack_update: rolling back the first pack leaves the built-in set", "[pack_update]") {
  PackWorld w;
  w.Publish("1");
  REQUIRE(w.Update(w.repo).ok);
  UpdateResult r = RollbackPack(w.pack_root);
  CHECK(r.ok);
  CHECK(Has(r.message, "built-in set is in force"));
  CHECK(w.ActiveVersion() == "none");
  CHECK_FALSE(Has(w.Diagnose(), "PACK VERSION"));
}

TEST_CASE("pack_update: an archive from a loopback HTTP server is verified and applied", "[pack_update]") {
  PackWorld w;
  w.Write("7");
  w.Sign();
  std::string served = w.home.path() + "/www";
  REQUIRE(Shell("mkdir -p " + served + " && cd " + w.home.path() + " && cp -r repo test-pack-7 && rm -rf test-pack-7/.git && "
                "tar -czf " + served + "/test-pack-7.tar.gz test-pack-7") == 0);
  std::string log = w.home.path() + "/http.log", pidfile = w.home.path() + "/http.pid";
  REQUIRE(std::system(("/usr/bin/python3 -u -m http.server --bind 127.0.0.1 --directory " + served + " 0 > " + log +
                       " 2>&1 & echo $! > " + pidfile)
                          .c_str()) == 0);
  pid_t server = std::atoi(ReadFile(pidfile).c_str());
  REQUIRE(server > 0);
  std::string port;
  for (int i = 0; i < 100 && port.empty(); ++i) {  // at most 10 s for the server to listen
    std::string text = ReadFile(log);
    auto at = text.find(" port ");
    if (at != std::string::npos) port = text.substr(at + 6, text.find_first_not_of("0123456789", at + 6) - at - 6);
    if (port.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  INFO(ReadFile(log));
  CHECK_FALSE(port.empty());
  UpdateResult r = w.Update("http://127.0.0.1:" + port + "/test-pack-7.tar.gz");
  UpdateResult missing = w.Update("http://127.0.0.1:" + port + "/no-such-pack.tar.gz");
  kill(server, SIGTERM);
  INFO(r.message);
  CHECK(r.ok);
  CHECK(w.ActiveVersion() == "7");
  CHECK(Has(w.Diagnose(), "PACK VERSION 7"));
  CHECK_FALSE(missing.ok);
  CHECK(Has(missing.message, "downloading"));
  CHECK(w.ActiveVersion() == "7");
}

TEST_CASE("pack_update: the command remembers its source and list shows the active pack", "[pack_update]") {
  PackWorld w;
  std::string out;
  int none = w.Sshdiag("", "signatures update", &out);
  CHECK(WEXITSTATUS(none) == 2);
  CHECK(Has(out, "no pack source"));
  w.Publish("1");
  int first = w.Sshdiag("", "signatures update --from " + w.repo + " --allowed-signers " + w.allowed, &out);
  CHECK(WEXITSTATUS(first) == 0);
  CHECK(Has(out, "signature verified: MANIFEST signed by maint@example.org"));
  CHECK(Has(ReadFile(w.home.path() + "/config/sshdiag/update.json"), w.repo));
  w.Publish("2");
  int second = w.Sshdiag("", "signatures update", &out);
  CHECK(WEXITSTATUS(second) == 0);
  w.Sshdiag("", "signatures list", &out);
  CHECK(Has(out, "active pack: test-pack-2-"));
  CHECK(Has(out, "connection-refused  connection-refused  pack  "));
  int back = w.Sshdiag("", "signatures update --rollback", &out);
  CHECK(WEXITSTATUS(back) == 0);
  w.Sshdiag("", "signatures list", &out);
  CHECK(Has(out, "active pack: test-pack-1-"));
  // A refusal says so and names the pack still in force.
  w.Write("3");
  w.Commit();  // changed but not signed again
  int refused = w.Sshdiag("", "signatures update", &out);
  CHECK(WEXITSTATUS(refused) == 1);
  CHECK(Has(out, "tampered"));
  CHECK(Has(out, "the pack in force is unchanged: active pack: test-pack-1-"));
}

TEST_CASE("pack_update: MANIFEST lines are sha256sum's and paths stay inside the pack", "[pack_update]") {
  const std::string d(64, 'a');
  std::vector<ManifestEntry> e;
  std::string error;
  CHECK(ParseManifest(d + "  signatures/x.json\n" + d + " *kb/y.json\n", &e, &error));
  REQUIRE(e.size() == 2);
  CHECK(e[1].path == "kb/y.json");
  for (const std::string bad : {"../etc/passwd", "/etc/passwd", "a//b", "a/./b", "a\x1b[2Jb"}) {
    std::vector<ManifestEntry> ignored;
    CHECK_FALSE(ParseManifest(d + "  " + bad + "\n", &ignored, &error));
    CHECK(Has(error, "MANIFEST line 1"));
  }
  std::vector<ManifestEntry> twice;
  CHECK_FALSE(ParseManifest(d + "  a\n" + d + "  a\n", &twice, &error));
  CHECK(Has(error, "listed twice"));
  CHECK_FALSE(ParseManifest("abc  a\n", &twice, &error));
}

TEST_CASE("pack_update: pack.json is read strictly and versions compare by number", "[pack_update]") {
  std::string error;
  auto ok = ParsePackInfo(R"({"id": "corp", "version": "2026.12", "schema": 1, "min_sshdiag": "0.1"})", &error);
  REQUIRE(ok);
  CHECK(ok->id == "corp");
  CHECK_FALSE(ParsePackInfo(R"({"id": "../x", "version": "1", "schema": 1, "min_sshdiag": "0.1"})", &error));
  CHECK(Has(error, "\"id\""));
  CHECK_FALSE(ParsePackInfo(R"({"id": "x", "version": "1", "schema": "1", "min_sshdiag": "0.1"})", &error));
  CHECK(Has(error, "schema"));
  CHECK(*CompareDottedVersions("0.10.0", "0.9.1") == 1);
  CHECK(*CompareDottedVersions("0.1", "0.1.0") == 0);
  CHECK(*CompareDottedVersions("0.1.0", "1") == -1);
  CHECK_FALSE(CompareDottedVersions("1.x", "1"));
}

TEST_CASE("pack_update: the remembered settings are read strictly", "[pack_update]") {
  TempDir dir;
  std::string error;
  CHECK(ReadUpdateConfig(dir.path(), &error).from.empty());
  CHECK(error.empty());
  REQUIRE(WriteUpdateConfig(dir.path(), {"https://example.org/pack.git", "/k"}, &error));
  CHECK(ReadUpdateConfig(dir.path(), &error).from == "https://example.org/pack.git");
  dir.Write("update.json", R"({"form": "typo"})");
  ReadUpdateConfig(dir.path(), &error);
  CHECK(Has(error, "update.json"));
  CHECK(Has(error, "form"));
}
