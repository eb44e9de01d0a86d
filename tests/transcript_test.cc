#include "transcript.h"

#include <sstream>

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include "line_source.h"
#include "paste_cleaner.h"
#include "test_support.h"

using namespace sshdiag;
using sshdiag::testing::ReadFile;
using sshdiag::testing::SourcePath;

namespace {

TranscriptParser ParseText(const std::string& text) {
  TranscriptParser parser("test");
  std::istringstream in(text);
  LineSource src(in);
  RawLine raw;
  while (src.Next(&raw)) {
    Line line{raw.number, CleanPastedLine(raw.text)};
    if (!line.text.empty()) parser.Feed(line);
  }
  return parser;
}

}  // namespace

TEST_CASE("Every fact pattern compiles", "[transcript]") {
  const PatternSet& set = TranscriptFactPatterns();
  REQUIRE(set.size() > 30);
  for (size_t i = 0; i < set.size(); ++i) {
    INFO(set.pattern_text(static_cast<int>(i)));
    CHECK(set.pattern(static_cast<int>(i)).ok());
  }
}

TEST_CASE("Transcript facts of a real successful 9.2 session", "[transcript]") {
  auto parser = ParseText(ReadFile(SourcePath("corpus/lab/openssh-9.2/success-exec.log")));
  REQUIRE(parser.sessions().size() == 1);
  const Session& s = parser.sessions()[0];
  const Facts& f = s.facts;
  REQUIRE(f.client_version);
  CHECK(f.client_version->ToString() == "9.2p1");
  CHECK(f.client_software.rfind("OpenSSH_9.2p1 Debian", 0) == 0);
  CHECK(f.crypto_library.rfind("OpenSSL 3.", 0) == 0);
  CHECK(f.config_files.size() >= 1);
  CHECK(f.host == "127.0.0.1");
  CHECK(f.address == "127.0.0.1");
  CHECK(f.port == "42000");
  CHECK(f.user == "sshdiag-lab");
  CHECK(f.remote_protocol == "2.0");
  CHECK(f.server_software.rfind("OpenSSH_9.2p1", 0) == 0);
  CHECK(f.kex == "sntrup761x25519-sha512");
  CHECK(f.host_key_algorithm == "ssh-ed25519");
  CHECK(f.cipher == "chacha20-poly1305@openssh.com");
  CHECK(f.server_host_key == "ssh-ed25519");
  CHECK_FALSE(f.server_kex_offer.empty());
  CHECK(f.auth_method_accepted == "publickey");
  REQUIRE_FALSE(f.channels.empty());
  CHECK(f.channels[0] == "session");
  REQUIRE(f.exit_status);
  CHECK(*f.exit_status == 0);
  CHECK(s.phase == Phase::kClosed);
  CHECK(s.outcome() == Outcome::kSucceeded);
  CHECK(s.last_failure_line == 0);
  CHECK(parser.saw_ssh_output());
}

TEST_CASE("Transcript of a real refused connection stops in the connect phase", "[transcript]") {
  auto parser = ParseText(ReadFile(SourcePath("corpus/lab/openssh-9.2/connection-refused.log")));
  REQUIRE(parser.sessions().size() == 1);
  const Session& s = parser.sessions()[0];
  CHECK(s.phase == Phase::kConnect);
  CHECK(s.outcome() == Outcome::kFailed);
  REQUIRE_FALSE(s.failure_lines.empty());
  CHECK(s.failure_lines.back().text.find("Connection refused") != std::string::npos);
  CHECK(s.terminal_from() == s.last_failure_line);
}

TEST_CASE("Transcript of the real IPQoS failure reaches the session phase and fails", "[transcript]") {
  auto parser = ParseText(ReadFile(SourcePath("corpus/lab/openssh-9.2/ipqos-reset.log")));
  const Session& s = parser.sessions().at(0);
  CHECK(s.phase == Phase::kSession);
  CHECK(s.outcome() == Outcome::kFailed);
  CHECK_FALSE(s.facts.exit_status);
}

TEST_CASE("Transcript of a pasted tail with no first line still makes a session", "[transcript]") {
  // Synthetic: the three lines quoted in the report this project was born from.
  auto parser = ParseText(
      "debug2: channel_input_open_confirmation: channel 0: callback done\n"
      "debug2: channel 0: open confirm rwindow 0 rmax 32768\n"
      "client_loop: send disconnect: Broken pipe\n");
  REQUIRE(parser.sessions().size() == 1);
  const Session& s = parser.sessions()[0];
  CHECK_FALSE(s.facts.client_version);
  CHECK(s.phase == Phase::kSession);
  CHECK(s.outcome() == Outcome::kFailed);
  CHECK(s.last_failure_line == 3);
}

TEST_CASE("Transcript splits two pasted attempts into two sessions", "[transcript]") {
  std::string one = ReadFile(SourcePath("corpus/lab/openssh-9.2/connection-refused.log"));
  std::string two = ReadFile(SourcePath("corpus/lab/openssh-9.2/success-exec.log"));
  auto parser = ParseText(one + two);
  REQUIRE(parser.sessions().size() == 2);
  CHECK(parser.sessions()[0].outcome() == Outcome::kFailed);
  CHECK(parser.sessions()[1].outcome() == Outcome::kSucceeded);
  CHECK(parser.sessions()[1].parent == -1);
  CHECK(parser.sessions()[1].first_line > parser.sessions()[0].last_line);
}

TEST_CASE("Transcript reads the 10.0 first line with its debug1 prefix", "[transcript]") {
  // Synthetic first line in the 10.0 format (failure-modes.md section 0.2).
  auto parser = ParseText("debug1: OpenSSH_10.0p2 Debian-7+deb13u4, OpenSSL 3.5.1 1 Jul 2025\n");
  REQUIRE(parser.sessions().size() == 1);
  REQUIRE(parser.sessions()[0].facts.client_version);
  CHECK(parser.sessions()[0].facts.client_version->major == 10);
  CHECK(parser.sessions()[0].facts.crypto_library.rfind("OpenSSL 3.5.1", 0) == 0);
}

TEST_CASE("Non-SSH text is not taken for ssh output", "[transcript]") {
  auto parser = ParseText("hello\nthis is a shopping list\n- eggs\n");
  CHECK_FALSE(parser.saw_ssh_output());
}

TEST_CASE("IsFailureLine tells failures from debug and informational lines", "[transcript]") {
  CHECK(IsFailureLine("ssh: connect to host h port 22: Connection refused"));
  CHECK(IsFailureLine("u@h: Permission denied (publickey)."));
  CHECK(IsFailureLine("Permission denied (publickey)."));
  CHECK(IsFailureLine("client_loop: send disconnect: Broken pipe"));
  CHECK(IsFailureLine("Host key verification failed."));
  CHECK_FALSE(IsFailureLine("debug1: connect to address 1.2.3.4 port 22: Connection refused"));
  CHECK_FALSE(IsFailureLine("Warning: Permanently added '[127.0.0.1]:42000' (ED25519) to the list of known hosts."));
  CHECK_FALSE(IsFailureLine("hello"));
}

TEST_CASE("PhaseName and PhaseFromName round-trip", "[transcript]") {
  for (Phase p : {Phase::kResolve, Phase::kConnect, Phase::kBanner, Phase::kKex, Phase::kHostKey, Phase::kAuth,
                  Phase::kSession, Phase::kClosed}) {
    CHECK(PhaseFromName(PhaseName(p)) == p);
  }
  CHECK_FALSE(PhaseFromName("nowhere"));
}

TEST_CASE("Transcript separates a real ProxyJump child from its parent", "[transcript]") {
  auto parser = ParseText(ReadFile(SourcePath("corpus/lab/openssh-9.2/proxyjump-success.log")));
  REQUIRE(parser.sessions().size() == 2);
  const Session& parent = parser.sessions()[0];
  const Session& child = parser.sessions()[1];
  CHECK(child.parent == 0);
  CHECK_FALSE(parent.facts.proxy_command.empty());
  CHECK(parent.facts.port == "42001");
  CHECK(child.facts.port == "42000");
  CHECK(child.phase == Phase::kSession);
  CHECK(parent.outcome() == Outcome::kSucceeded);
  CHECK(parent.facts.auth_method_accepted == "publickey");
}

TEST_CASE("A ProxyJump child's refused forward is its own fact, and the family's evidence", "[transcript]") {
  // Real 9.2 log: the jump host (the child) authenticates, then refuses the
  // -W forward; the parent never hears the target's banner.
  std::istringstream in(ReadFile(SourcePath("corpus/lab/openssh-9.2/proxyjump-forwarding-prohibited.log")));
  TranscriptParser parser("test");
  LineSource src(in);
  RawLine raw;
  int refusal_joins = -1;
  while (src.Next(&raw)) {
    Line line{raw.number, CleanPastedLine(raw.text)};
    if (line.text.empty()) continue;
    int joins = parser.Feed(line);
    if (line.text.rfind("channel 0: open failed:", 0) == 0) refusal_joins = joins;
  }
  REQUIRE(parser.sessions().size() == 2);
  const Session& parent = parser.sessions()[0];
  const Session& child = parser.sessions()[1];
  CHECK(refusal_joins == 0);  // judged with the parent
  CHECK(parent.phase == Phase::kBanner);  // it never got further than its banner through the pipe
  CHECK(parent.facts.server_software.empty());
  CHECK(child.phase == Phase::kSession);
  REQUIRE_FALSE(child.failure_lines.empty());
  CHECK(child.failure_lines.back().text == "stdio forwarding failed");
  REQUIRE_FALSE(parent.failure_lines.empty());
  CHECK(parent.failure_lines.front().text.find("exchange_identification") != std::string::npos);
}

TEST_CASE("A pasted tail that ends waiting for the key exchange reply is in the kex phase", "[transcript]") {
  // Synthetic: the last line of a -v log stalled in key exchange (kexgen.c, 8.5+).
  auto parser = ParseText("debug1: expecting SSH2_MSG_KEX_ECDH_REPLY\n");
  REQUIRE(parser.sessions().size() == 1);
  CHECK(parser.sessions()[0].phase == Phase::kKex);
  CHECK(parser.sessions()[0].outcome() == Outcome::kIncomplete);
}

TEST_CASE("A pasted tail that starts inside authentication is in the auth phase", "[transcript]") {
  // Synthetic: the last line of a -v log hanging after a key offer (sshconnect2.c).
  auto parser = ParseText("debug1: Offering public key: /home/alice/.ssh/id_ed25519 ED25519 SHA256:x explicit\n");
  REQUIRE(parser.sessions().size() == 1);
  CHECK(parser.sessions()[0].phase == Phase::kAuth);
  CHECK(ParseText("debug2: we sent a publickey packet, wait for reply\n").sessions()[0].phase == Phase::kAuth);
  CHECK(ParseText("debug1: Trying private key: /home/alice/.ssh/id_rsa\n").sessions()[0].phase == Phase::kAuth);
}

TEST_CASE("Transcript reads an IPv6 destination from Authenticating to", "[transcript]") {
  // Synthetic line in the format of sshconnect.c ssh_login (6.9+).
  auto parser = ParseText("debug1: Authenticating to ::1:2222 as 'alice'\n");
  const Facts& f = parser.sessions().at(0).facts;
  CHECK(f.host == "::1");
  CHECK(f.port == "2222");
  CHECK(f.user == "alice");
}

TEST_CASE("Lines before ssh's first line join its session", "[transcript]") {
  // Real: scp -v prints "Executing: program /usr/bin/ssh ..." before ssh's own output.
  auto parser = ParseText(ReadFile(SourcePath("corpus/lab/openssh-9.2/scp-subsystem-missing-fixed.log")));
  REQUIRE(parser.sessions().size() == 1);
  CHECK(parser.sessions()[0].first_line == 1);
  CHECK(parser.sessions()[0].facts.client_version);
  // Synthetic: chat text pasted above a log.
  auto pasted = ParseText("Hi, here is my log:\nOpenSSH_9.2p1 Debian-2, OpenSSL 3.0.11 19 Sep 2023\n"
                          "ssh: connect to host h port 22: Connection refused\n");
  REQUIRE(pasted.sessions().size() == 1);
  CHECK(pasted.sessions()[0].outcome() == Outcome::kFailed);
}

TEST_CASE("An exit status that does not fit an int is not read as one", "[transcript]") {
  // Synthetic: found by reading the code after fuzzing (atoi wrapped 4294967296 to 0).
  auto parser = ParseText("debug1: Exit status 4294967296\n");
  CHECK_FALSE(parser.sessions().at(0).facts.exit_status);
  auto ok = ParseText("debug1: Exit status 127\n");
  CHECK(*ok.sessions().at(0).facts.exit_status == 127);
}

namespace {

// The first n lines of a real corpus log: what a user pastes when ssh hung
// or was cut off at that point.
std::string FirstLines(const std::string& log, int n) {
  std::istringstream in(ReadFile(SourcePath(log)));
  std::string line, out;
  for (int i = 0; i < n && std::getline(in, line); ++i) out += line + "\n";
  return out;
}

int LineNumberOf(const std::string& log, const std::string& needle) {
  std::istringstream in(ReadFile(SourcePath(log)));
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.find(needle) != std::string::npos) return n;
  }
  return -1;
}

const char* kSuccess = "corpus/lab/openssh-9.2/success-exec.log";

}  // namespace

TEST_CASE("A session cut right after SERVICE_ACCEPT stopped in the auth phase", "[transcript]") {
  int at = LineNumberOf(kSuccess, "SSH2_MSG_SERVICE_ACCEPT received");
  REQUIRE(at > 0);
  auto parser = ParseText(FirstLines(kSuccess, at));
  REQUIRE(parser.sessions().size() == 1);
  CHECK(parser.sessions()[0].phase == Phase::kAuth);
  // One line earlier it had not got there yet.
  CHECK(ParseText(FirstLines(kSuccess, at - 1)).sessions()[0].phase < Phase::kAuth);
}

TEST_CASE("In a whole log a key offer does not move where authentication began", "[transcript]") {
  int at = LineNumberOf(kSuccess, "Offering public key");
  REQUIRE(at > 0);
  auto before = ParseText(FirstLines(kSuccess, at - 1));
  auto after = ParseText(FirstLines(kSuccess, at));
  CHECK(after.sessions()[0].phase == Phase::kAuth);
  CHECK(after.sessions()[0].terminal_from() == before.sessions()[0].terminal_from());
}

TEST_CASE("The furthest phase never goes back, e.g. on a rekey after login", "[transcript]") {
  int at = LineNumberOf(kSuccess, "Authenticated to");
  REQUIRE(at > 0);
  // Real lines up to the login, then the real KEXINIT line of the same log
  // again, as ssh prints it when it rekeys during a long session.
  auto parser = ParseText(FirstLines(kSuccess, at) + "debug1: SSH2_MSG_KEXINIT sent\n");
  CHECK(parser.sessions()[0].phase == Phase::kSession);
}

TEST_CASE("The client's own KEXINIT proposal is never taken for the server's offer", "[transcript]") {
  int peer = LineNumberOf(kSuccess, "peer server KEXINIT proposal");
  REQUIRE(peer > 0);
  // Cut before the server's proposal: only the client's is in the log.
  auto cut = ParseText(FirstLines(kSuccess, peer - 1));
  CHECK(cut.sessions()[0].facts.server_kex_offer.empty());
  CHECK(cut.sessions()[0].facts.server_mac_offer.empty());
  auto whole = ParseText(ReadFile(SourcePath(kSuccess)));
  CHECK_FALSE(whole.sessions()[0].facts.server_kex_offer.empty());
}

TEST_CASE("Exit status -1 (the session died without a status) is a failure", "[transcript]") {
  auto parser = ParseText(ReadFile(SourcePath("corpus/lab/openssh-9.2/server-channel-timeout.log")));
  REQUIRE(parser.sessions().size() == 1);
  REQUIRE(parser.sessions()[0].facts.exit_status);
  CHECK(*parser.sessions()[0].facts.exit_status == -1);
  CHECK(parser.sessions()[0].outcome() == Outcome::kFailed);
}

TEST_CASE("A session that ends with Transferred: and no failure succeeded, even without an exit status", "[transcript]") {
  // Synthetic: the real success-exec log without its exit-status lines, as
  // from a server (some embedded ones) that never sends an exit status.
  std::istringstream in(ReadFile(SourcePath(kSuccess)));
  std::string line, text;
  while (std::getline(in, line)) {
    if (line.find("Exit status") == std::string::npos && line.find("exit-status") == std::string::npos) text += line + "\n";
  }
  auto parser = ParseText(text);
  REQUIRE(parser.sessions().size() == 1);
  CHECK_FALSE(parser.sessions()[0].facts.exit_status);
  CHECK(parser.sessions()[0].outcome() == Outcome::kSucceeded);
  // Without the Transferred: line, nothing says the session ended well.
  std::string cut;
  std::istringstream again(text);
  while (std::getline(again, line)) {
    if (line.rfind("Transferred:", 0) != 0) cut += line + "\n";
  }
  CHECK(ParseText(cut).sessions()[0].outcome() == Outcome::kIncomplete);
}

TEST_CASE("Only the last few failure lines of a session are kept, oldest first", "[transcript]") {
  // Synthetic: a real refused connection, then the same error line repeated,
  // as a retry loop in a script prints it.
  std::string text = ReadFile(SourcePath("corpus/lab/openssh-9.2/connection-refused.log"));
  for (int i = 0; i < 20; ++i) text += "ssh: connect to host 127.0.0.1 port 42001: Connection refused\n";
  auto parser = ParseText(text);
  REQUIRE(parser.sessions().size() == 1);
  const Session& s = parser.sessions()[0];
  REQUIRE(s.failure_lines.size() == TranscriptParser::kFailureLinesKept);
  CHECK(s.failure_lines.back().number == s.last_line);
  CHECK(s.failure_lines.front().number == s.last_line - TranscriptParser::kFailureLinesKept + 1);
}

TEST_CASE("Finished sessions are handed over when a new attempt starts", "[transcript]") {
  // Real logs, concatenated: three attempts one after another.
  std::string ok = ReadFile(SourcePath("corpus/lab/openssh-9.2/success-exec.log"));
  std::string refused = ReadFile(SourcePath("corpus/lab/openssh-9.2/connection-refused.log"));
  std::istringstream in(ok + ok + refused);
  LineSource src(in);
  TranscriptParser parser("test");
  std::vector<Session> finished;
  RawLine raw;
  size_t most_held = 0;
  while (src.Next(&raw)) {
    Line line{raw.number, CleanPastedLine(raw.text)};
    if (line.text.empty()) continue;
    parser.Feed(line);
    parser.TakeFinished(&finished);
    most_held = std::max(most_held, parser.sessions().size());
  }
  CHECK(most_held == 1);  // each attempt is taken as soon as the next starts
  REQUIRE(finished.size() == 2);
  CHECK(finished[1].index == 1);
  CHECK(finished[1].outcome() == Outcome::kSucceeded);
  parser.FinishAll();
  parser.TakeFinished(&finished);
  REQUIRE(finished.size() == 3);
  CHECK(parser.sessions().empty());
  CHECK(finished[2].index == 2);
  CHECK(finished[2].outcome() == Outcome::kFailed);
}

TEST_CASE("A ProxyJump child and its parent stay open together", "[transcript]") {
  std::string log = ReadFile(SourcePath("corpus/lab/openssh-9.2/proxyjump-success.log"));
  std::istringstream in(log + log);
  LineSource src(in);
  TranscriptParser parser("test");
  std::vector<Session> finished;
  RawLine raw;
  while (src.Next(&raw)) {
    Line line{raw.number, CleanPastedLine(raw.text)};
    if (line.text.empty()) continue;
    parser.Feed(line);
    parser.TakeFinished(&finished);
    // The parent takes lines after its child starts: neither is finished
    // before the second attempt starts.
    if (finished.size() == 1) FAIL("a parent was handed over without its child, or the reverse");
  }
  REQUIRE(finished.size() == 2);
  CHECK(finished[1].parent == 0);
  CHECK(finished[0].outcome() == Outcome::kSucceeded);
  REQUIRE(parser.sessions().size() == 2);
  CHECK(parser.sessions()[1].parent == 2);
}

TEST_CASE("The fact table is the one list of facts: README and output schema follow it", "[transcript]") {
  // signatures/README.md documents every fact, with its JSON place and meaning, and no other.
  std::string readme = ReadFile(SourcePath("signatures/README.md"));
  // The rows of the table that starts at its header and ends at a blank line.
  size_t rows = 0;
  size_t at = readme.find("| fact | JSON");
  REQUIRE(at != std::string::npos);
  size_t end = readme.find("\n\n", at);
  for (at = readme.find("\n| `", at); at < end; at = readme.find("\n| `", at + 1)) ++rows;
  for (const FactDescriptor& d : FactTable()) {
    INFO(d.name);
    std::string row = std::string("| `") + d.name + "` | `" + d.json_path + "` | " + d.description + " |";
    CHECK(readme.find(row) != std::string::npos);
    CHECK(FindFact(d.name) == &d);
  }
  CHECK(rows == FactTable().size());
  CHECK(FindFact("clinet_version") == nullptr);
  // The output schema has a place for every fact, of the type the printer writes.
  auto schema = nlohmann::json::parse(ReadFile(SourcePath("schema/output.schema.json")));
  for (const FactDescriptor& d : FactTable()) {
    INFO(d.json_path);
    nlohmann::json node = schema["$defs"]["facts"];
    std::string path = d.json_path;
    for (size_t start = 0;;) {
      size_t dot = path.find('.', start);
      REQUIRE(node["properties"].contains(path.substr(start, dot - start)));
      node = node["properties"][path.substr(start, dot - start)];
      if (dot == std::string::npos) break;
      start = dot + 1;
    }
    // "type" is "array", ["integer", "null"], or absent for a $ref to a nullable string.
    std::string type = node.contains("type") ? node["type"].dump() : "string";
    CHECK((d.json_type == FactJson::kStringList) == (type == "\"array\""));
    CHECK((d.json_type == FactJson::kInteger || d.json_type == FactJson::kPort) ==
          (type.find("integer") != std::string::npos));
  }
}

TEST_CASE("A session records the deepest debug level it shows and whether it is whole", "[transcript]") {
  auto vvv = ParseText(ReadFile(SourcePath("corpus/lab/openssh-9.2/connection-refused.log")));
  CHECK(vvv.sessions().at(0).verbosity == Verbosity::kDebug3);
  CHECK(vvv.sessions().at(0).whole);
  // Synthetic tail of a -vv log: no first line, debug2 at most.
  auto tail = ParseText("debug1: Entering interactive session.\ndebug2: channel 0: open confirm rwindow 0 rmax 32768\n"
                        "client_loop: send disconnect: Broken pipe\n");
  CHECK(tail.sessions().at(0).verbosity == Verbosity::kDebug2);
  CHECK_FALSE(tail.sessions().at(0).whole);
  auto plain = ParseText("Permission denied (publickey).\n");
  CHECK(plain.sessions().at(0).verbosity == Verbosity::kPlain);
  CHECK_FALSE(plain.sessions().at(0).whole);
  for (Verbosity v : {Verbosity::kPlain, Verbosity::kDebug1, Verbosity::kDebug2, Verbosity::kDebug3}) {
    CHECK(VerbosityFromName(VerbosityName(v)) == v);
  }
  CHECK_FALSE(VerbosityFromName("debug4"));
}

TEST_CASE("A real git wrapper log: git's lines after ssh's refusal are an epilogue, not the end", "[transcript]") {
  auto parser = ParseText(ReadFile(SourcePath("corpus/lab/openssh-9.2/publickey-not-authorized.git.log")));
  REQUIRE(parser.sessions().size() == 1);
  const Session& s = parser.sessions()[0];
  CHECK(s.outcome() == Outcome::kFailed);
  REQUIRE(s.failure_lines.size() == 1);
  CHECK(s.failure_lines.back().text == "sshdiag-lab@127.0.0.1: Permission denied (publickey).");
  CHECK(s.terminal_from() == s.failure_lines.back().number);
  CHECK(s.epilogue_line_count == 3);  // fatal: ..., Please make sure ..., and the repository exists.
  CHECK(s.last_own_line == s.failure_lines.back().number);
  CHECK(s.last_line > s.last_own_line);
  CHECK_FALSE(IsFailureLine("fatal: Could not read from remote repository."));
  CHECK_FALSE(IsFailureLine("scp: Connection closed"));
  CHECK(IsFailureLine("scp: /x: No such file or directory"));
}

TEST_CASE("A hang stopped with Ctrl-C is incomplete, and ends at the last phase reached", "[transcript]") {
  // -v: the log stops at "Connecting to" (SIGINT kills ssh there without a message)
  auto connect = ParseText(ReadFile(SourcePath("corpus/lab/openssh-9.2/firewall-syn-drop-hang.v.log")));
  REQUIRE(connect.sessions().size() == 1);
  const Session& c = connect.sessions()[0];
  CHECK(c.outcome() == Outcome::kIncomplete);
  CHECK(c.phase == Phase::kConnect);
  CHECK(c.terminal_from() == c.last_marker_line);
  // after the session started: "Killed by signal 2." is not a failure line
  auto session = ParseText(ReadFile(SourcePath("corpus/lab/openssh-9.2/ipqos-drop-router-hang.v.log")));
  REQUIRE(session.sessions().size() == 1);
  const Session& s = session.sessions()[0];
  CHECK(s.outcome() == Outcome::kIncomplete);
  CHECK(s.phase == Phase::kSession);
  CHECK(s.failure_lines.empty());
  CHECK_FALSE(IsFailureLine("Killed by signal 2."));
}

TEST_CASE("Plain ssh's error lines name the destination, the offer and the known_hosts name", "[transcript]") {
  auto p = ParseText(
      "Unable to negotiate with 127.0.0.1 port 43001: no matching key exchange method found. Their offer: "
      "diffie-hellman-group1-sha1\n");
  const Facts& f = p.sessions().at(0).facts;
  CHECK(f.host == "127.0.0.1");
  CHECK(f.port == "43001");
  CHECK(f.server_kex_offer == "diffie-hellman-group1-sha1");
  auto mac = ParseText("Unable to negotiate with h port 22: no matching MAC found. Their offer: hmac-md5,hmac-sha1-96\n");
  CHECK(mac.sessions().at(0).facts.server_mac_offer == "hmac-md5,hmac-sha1-96");
  auto hk = ParseText("Unable to negotiate with h port 22: no matching host key type found. Their offer: ssh-dss\n");
  CHECK(hk.sessions().at(0).facts.server_host_key_offer == "ssh-dss");
  auto ci = ParseText("Unable to negotiate with h port 22: no matching cipher found. Their offer: aes128-cbc\n");
  CHECK(ci.sessions().at(0).facts.server_cipher_offer == "aes128-cbc");
  auto denied = ParseText("bob@10.0.0.5: Permission denied (publickey).\n");
  CHECK(denied.sessions().at(0).facts.user == "bob");
  CHECK(denied.sessions().at(0).facts.host == "10.0.0.5");
  auto refused = ParseText("ssh: connect to host 10.0.0.9 port 2222: Connection refused\n");
  CHECK(refused.sessions().at(0).facts.port == "2222");
  // A proxied connection has no name: UNKNOWN is not a host.
  auto proxied = ParseText("Connection closed by UNKNOWN port 65535\n");
  CHECK(proxied.sessions().at(0).facts.host.empty());
  auto changed = ParseText(
      "Host key verification failed.\n  ssh-keygen -f \"/home/u/.ssh/known_hosts\" -R \"[127.0.0.1]:43001\"\n");
  CHECK(changed.sessions().at(0).facts.known_hosts_name == "[127.0.0.1]:43001");
  auto added = ParseText("Warning: Permanently added '[h]:2222' (ED25519) to the list of known hosts.\n");
  CHECK(added.sessions().at(0).facts.known_hosts_name == "[h]:2222");
}

TEST_CASE("Debug lines keep their facts over plain lines", "[transcript]") {
  auto p = ParseText(
      "debug1: Connecting to alias.example [10.0.0.1] port 22.\n"
      "Unable to negotiate with 10.0.0.1 port 22: no matching cipher found. Their offer: 3des-cbc\n");
  CHECK(p.sessions().at(0).facts.host == "alias.example");
  CHECK(p.sessions().at(0).facts.server_cipher_offer == "3des-cbc");
}

TEST_CASE("The platform comes from the version line, else a client-side path", "[transcript]") {
  auto win = ParseText("OpenSSH_for_Windows_8.1p1, LibreSSL 3.0.2\ndebug1: Reading configuration data /home/x\n");
  CHECK(win.sessions().at(0).facts.platform == "windows");
  auto mac = ParseText("debug1: identity file /Users/me/.ssh/id_rsa type -1\n");
  CHECK(mac.sessions().at(0).facts.platform == "macos");
  auto winpath = ParseText("debug1: Reading configuration data C:\\\\Users\\\\me/.ssh/config\n");
  CHECK(winpath.sessions().at(0).facts.platform == "windows");
  auto linux_key = ParseText("debug1: Offering public key: /home/me/.ssh/id_ed25519 ED25519 SHA256:x\n");
  CHECK(linux_key.sessions().at(0).facts.platform == "linux");
  // A server's path is not the client's platform.
  auto server = ParseText("Could not chdir to home directory /Users/bob: No such file or directory\n");
  CHECK(server.sessions().at(0).facts.platform.empty());
  auto sig = ParseText("debug1: kex_ext_info_client_parse: server-sig-algs=<ssh-ed25519,rsa-sha2-256>\n");
  CHECK(sig.sessions().at(0).facts.server_sig_algs == "ssh-ed25519,rsa-sha2-256");
}
