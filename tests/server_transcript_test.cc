// Synthetic sshd lines in this file are written from the OpenSSH sources'
// format strings (auth.c, auth2-pubkeyfile.c, sshd.c, session.c of 8.4, 9.2
// and 10.0) in the shapes syslog, journalctl and sshd -e give them; the real
// lab logs are under corpus/lab/*/NAME.sshd.log.
#include "server_transcript.h"

#include <memory>
#include <sstream>

#include <catch2/catch.hpp>
#include <re2/re2.h>

#include "line_source.h"
#include "paste_cleaner.h"
#include "corpus_support.h"
#include "test_support.h"

using namespace sshdiag;
using sshdiag::testing::AnalyzeText;

namespace {

struct Parsed {
  std::vector<Session> sessions;
  std::vector<ServerTranscript::Route> routes;
};

Parsed Parse(const std::string& text) {
  ServerTranscript t("test");
  Parsed p;
  std::istringstream in(text);
  LineSource src(in);
  RawLine raw;
  Line message;
  int session = -1;
  while (src.Next(&raw)) {
    Line line{raw.number, CleanPastedLine(raw.text)};
    if (line.text.empty()) continue;
    p.routes.push_back(t.Feed(line, &message, &session));
  }
  t.FinishAll();
  t.TakeFinished(&p.sessions);
  return p;
}

}  // namespace

TEST_CASE("Every pattern sshd's lines are read with compiles", "[server_transcript]") {
  const PatternSet& set = ServerTranscriptPatterns();
  REQUIRE(set.size() > 10);
  for (size_t i = 0; i < set.size(); ++i) {
    INFO(set.pattern_text(static_cast<int>(i)));
    CHECK(set.pattern(static_cast<int>(i)).ok());
  }
}

TEST_CASE("Syslog and journal prefixes are taken apart", "[server_transcript]") {
  auto a = SplitSyslogLine("Dec  5 21:00:01 web1 sshd[1234]: Accepted publickey for alice from 192.0.2.7 port 5022 ssh2");
  REQUIRE(a);
  CHECK(a->program == "sshd");
  CHECK(a->pid == "1234");
  CHECK(a->message.rfind("Accepted publickey", 0) == 0);
  // journalctl -o short-iso after the paste cleaner removed the time
  auto b = SplitSyslogLine("web1 sshd-session[88]: Connection closed by 192.0.2.7 port 5022");
  REQUIRE(b);
  CHECK(b->program == "sshd-session");
  auto c = SplitSyslogLine("2024-05-01T12:34:56+0000 web1 sshd-auth[89]: debug1: x");
  REQUIRE(c);
  CHECK(c->program == "sshd-auth");
  // sshd's own message looks like "HOST PROG: " but has no PID and no time
  CHECK_FALSE(SplitSyslogLine("Authentication refused: bad ownership or modes for directory /home/a"));
  CHECK_FALSE(SplitSyslogLine("debug1: Reading configuration data /etc/ssh/ssh_config"));
  CHECK(IsSshdProgram("sshd-session"));
  CHECK_FALSE(IsSshdProgram("CRON"));
}

TEST_CASE("A tag without a PID counts once the paste cleaner took the line's time off", "[server_transcript]") {
  // rsyslog writes util-linux nologin's line without a PID (it does not ask for LOG_PID):
  // "Dec  6 07:05:54 lab-server nologin: Attempted login by ..." (real ones:
  // corpus/lab/openssh-9.2/nologin-shell-interactive.sshd.authlog.log); the cleaner removes the time
  const std::string untimed = "web1 nologin: Attempted login by UNKNOWN (UID: 4201) on /dev/pts/0";
  CHECK_FALSE(SplitSyslogLine(untimed));  // no time, no PID: it could be sshd's "Authentication refused: "
  auto t = SplitSyslogLine(untimed, true);
  REQUIRE(t);
  CHECK(t->program == "nologin");
  CHECK(t->pid.empty());
  CHECK(t->message.rfind("Attempted login by", 0) == 0);
  auto with_pid = SplitSyslogLine("web1 sshd[7]: Accepted publickey for alice", true);
  REQUIRE(with_pid);
  CHECK(with_pid->pid == "7");
  CHECK_FALSE(SplitSyslogLine("debug1: Reading configuration data /etc/ssh/ssh_config", true));
  CHECK_FALSE(SplitSyslogLine("kex_exchange_identification: read: Connection reset by peer", true));
}

TEST_CASE("After a removed time only a session program's tag without a PID is read as a tag", "[server_transcript]") {
  // ssh's own lines with a time in front ("ts", a logger) lose it in the paste cleaner too
  ServerTranscript t("test");
  Line message;
  int session = -1;
  Line client{1, "ssh_dispatch_run_fatal: Connection to 192.0.2.1 port 22: incomplete message", 1.0};
  CHECK(t.Feed(client, &message, &session) != ServerTranscript::Route::kOther);  // not dropped as another program's
  Line nologin{2, "web1 nologin: Attempted login by UNKNOWN (UID: 4201) on /dev/pts/0", 2.0};
  CHECK(t.Feed(nologin, &message, &session) == ServerTranscript::Route::kServer);
  CHECK(message.text == "nologin: Attempted login by UNKNOWN (UID: 4201) on /dev/pts/0");
  Line untimed{3, "web1 nologin: Attempted login by UNKNOWN (UID: 4201) on /dev/pts/0"};
  CHECK(t.Feed(untimed, &message, &session) != ServerTranscript::Route::kServer);  // no time, no PID: no tag
}

TEST_CASE("A syslog paste makes one session per sshd PID and ignores other programs", "[server_transcript]") {
  const std::string log =
      "Dec  5 21:00:01 web1 sshd[100]: Connection from 192.0.2.7 port 5022 on 192.0.2.1 port 22 rdomain \"\"\n"
      "Dec  5 21:00:01 web1 CRON[77]: pam_unix(cron:session): session opened for user root(uid=0)\n"
      "Dec  5 21:00:02 web1 sshd[200]: Connection from 198.51.100.9 port 6000 on 192.0.2.1 port 22 rdomain \"\"\n"
      "Dec  5 21:00:02 web1 sshd[100]: Authentication refused: bad ownership or modes for directory /home/alice\n"
      "Dec  5 21:00:02 web1 sshd[200]: Accepted publickey for bob from 198.51.100.9 port 6000 ssh2: ED25519 SHA256:abc\n"
      "Dec  5 21:00:03 web1 sshd[100]: Connection closed by authenticating user alice 192.0.2.7 port 5022 [preauth]\n";
  Parsed p = Parse(log);
  CHECK(p.routes[1] == ServerTranscript::Route::kOther);
  REQUIRE(p.sessions.size() == 2);
  const Session* alice = p.sessions[0].facts.user == "alice" ? &p.sessions[0] : &p.sessions[1];
  const Session* bob = alice == &p.sessions[0] ? &p.sessions[1] : &p.sessions[0];
  CHECK(alice->side == Side::kServer);
  CHECK(alice->peer_address == "192.0.2.7");
  CHECK(alice->peer_port == "5022");
  CHECK(alice->outcome() == Outcome::kFailed);
  CHECK(alice->failure_block_start == 4);
  CHECK(bob->facts.user == "bob");
  CHECK(bob->key_fingerprint == "SHA256:abc");
  CHECK(bob->outcome() == Outcome::kSucceeded);
}

TEST_CASE("A session program's line joins the connection that logged in, and only such a one", "[server_transcript]") {
  // journalctl -u ssh shape (real ones: corpus/lab/*/nologin-shell-interactive.sshd.journal.log)
  const std::string log =
      "Dec 06 03:49:24 web1 nologin[50]: Attempted login by UNKNOWN (UID: 4201) on /dev/pts/0\n"
      "Dec 06 03:49:24 web1 sshd[100]: Connection from 192.0.2.7 port 5022 on 192.0.2.1 port 22 rdomain \"\"\n"
      "Dec 06 03:49:24 web1 sshd[100]: Accepted publickey for alice from 192.0.2.7 port 5022 ssh2: ED25519 SHA256:k\n"
      "Dec 06 03:49:24 web1 sshd[200]: Connection from 198.51.100.9 port 6000 on 192.0.2.1 port 22 rdomain \"\"\n"
      "Dec 06 03:49:24 web1 nologin[101]: Attempted login by UNKNOWN (UID: 4201) on /dev/pts/0\n"
      "Dec 06 03:49:24 web1 CRON[77]: pam_unix(cron:session): session opened for user root(uid=0)\n"
      "Dec 06 03:49:25 web1 sshd[100]: Disconnected from user alice 192.0.2.7 port 5022\n"
      "Dec 06 03:49:25 web1 sshd[200]: Connection closed by 198.51.100.9 port 6000 [preauth]\n";
  Parsed p = Parse(log);
  CHECK(p.routes[0] == ServerTranscript::Route::kServer);  // no login yet (a pasted tail): a connection of its own
  CHECK(p.routes[4] == ServerTranscript::Route::kServer);  // alice's, not the newer unauthenticated one
  CHECK(p.routes[5] == ServerTranscript::Route::kOther);   // CRON is no session program
  const Session* alice = nullptr;
  for (const auto& s : p.sessions) {
    if (s.facts.user == "alice") alice = &s;
  }
  REQUIRE(alice != nullptr);
  CHECK(alice->line_count == 4);
  CHECK(alice->last_failure_line == 5);
  CHECK(p.sessions.size() == 3);  // the early nologin line, alice's, the unauthenticated one
}

TEST_CASE("9.8+ sshd-auth lines join the sshd-session of the same client", "[server_transcript]") {
  const std::string log =
      "web1 sshd-session[300]: Connection from 192.0.2.7 port 5022 on 192.0.2.1 port 22 rdomain \"\"\n"
      "web1 sshd-auth[301]: Failed publickey for alice from 192.0.2.7 port 5022 ssh2: ED25519 SHA256:k\n"
      "web1 sshd-auth[301]: Connection closed by authenticating user alice 192.0.2.7 port 5022 [preauth]\n";
  Parsed p = Parse(log);
  REQUIRE(p.sessions.size() == 1);
  CHECK(p.sessions[0].line_count == 3);
  CHECK(p.sessions[0].key_fingerprint == "SHA256:k");
}

TEST_CASE("sshd -e output is recognised without prefixes and client lines stay the client's", "[server_transcript]") {
  const std::string log =
      "OpenSSH_9.2p1 Debian-2+deb12u6, OpenSSL 3.0.17 1 Jul 2025\n"
      "debug1: Reading configuration data /etc/ssh/ssh_config\n"
      "Server listening on 0.0.0.0 port 22.\n"
      "Connection from 192.0.2.7 port 5022 on 192.0.2.1 port 22 rdomain \"\"\n"
      "debug1: userauth-request for user alice service ssh-connection method none [preauth]\n"
      "User alice from 192.0.2.7 not allowed because not listed in AllowUsers\n"
      "Connection closed by invalid user alice 192.0.2.7 port 5022 [preauth]\n"
      "Connection from 192.0.2.8 port 7000 on 192.0.2.1 port 22 rdomain \"\"\n"
      "ROOT LOGIN REFUSED FROM 192.0.2.8 port 7000\n";
  Parsed p = Parse(log);
  CHECK(p.routes[0] == ServerTranscript::Route::kClient);
  CHECK(p.routes[1] == ServerTranscript::Route::kClient);
  for (size_t i = 2; i < p.routes.size(); ++i) CHECK(p.routes[i] == ServerTranscript::Route::kServer);
  REQUIRE(p.sessions.size() == 2);
  CHECK(p.sessions[0].facts.user == "alice");
  CHECK(p.sessions[0].verbosity == Verbosity::kDebug1);
  CHECK(p.sessions[1].peer_address == "192.0.2.8");
}

TEST_CASE("A connection's local address and port and its times are kept for pairing", "[server_transcript]") {
  SECTION("from its Connection from line") {
    Parsed p = Parse("Connection from 192.0.2.7 port 5022 on 192.0.2.1 port 2222 rdomain \"\"\n"
                     "Connection closed by authenticating user alice 192.0.2.7 port 5022 [preauth]\n");
    REQUIRE(p.sessions.size() == 1);
    CHECK(p.sessions[0].local_address == "192.0.2.1");
    CHECK(p.sessions[0].local_port == "2222");
  }
  SECTION("from the listener's port, while it listens on one") {
    Parsed p = Parse("Server listening on 0.0.0.0 port 42000.\n"
                     "Server listening on :: port 42000.\n"
                     "Connection closed by authenticating user alice 192.0.2.7 port 5022 [preauth]\n"
                     "Server listening on 0.0.0.0 port 22.\n"
                     "Connection closed by authenticating user bob 192.0.2.8 port 6000 [preauth]\n");
    REQUIRE(p.sessions.size() == 2);
    CHECK(p.sessions[0].local_port == "42000");
    CHECK(p.sessions[0].local_address.empty());
    CHECK(p.sessions[1].local_port.empty());  // two ports now: which one is untold
  }
  SECTION("the first and last times of its lines") {
    Parsed p = Parse("Dec  6 03:50:41 host sshd[7]: Connection from 192.0.2.7 port 5022 on 192.0.2.1 port 22 rdomain \"\"\n"
                     "Dec  6 03:50:44 host sshd[7]: Connection closed by authenticating user alice 192.0.2.7 port 5022 "
                     "[preauth]\n");
    REQUIRE(p.sessions.size() == 1);
    REQUIRE(p.sessions[0].first_time);
    CHECK(*p.sessions[0].last_time - *p.sessions[0].first_time == Approx(3));
  }
}

TEST_CASE("sshd's start-up lines at DEBUG3 make no client session", "[server_transcript]") {
  // A real recording: 8.4's sshd at LogLevel DEBUG3 starts with oom_adjust_setup
  // and other lines before its first server-only one; they once made a client
  // session of their own, which pairing then joined to a connection.
  // 10.0's starts with pack_config.
  for (const char* name : {"corpus/lab/openssh-8.4/user-cert-expired.sshd.debug3.log",
                           "corpus/lab/openssh-10.0/no-matching-mac.sshd.debug3.log"}) {
    const std::string log = sshdiag::testing::ReadFile(sshdiag::testing::SourcePath(name));
    REQUIRE(log.rfind("debug3: ", 0) == 0);
    Parsed p = Parse(log);
    for (auto route : p.routes) CHECK(route != ServerTranscript::Route::kClient);
    Report r = AnalyzeText(log);
    for (const auto& sr : r.sessions) CHECK(sr.session.side == Side::kServer);
  }
}

TEST_CASE("A MaxStartups drop is a connection of its own line", "[server_transcript]") {
  const std::string log =
      "Dec  5 21:00:01 web1 sshd[1]: drop connection #10 from [192.0.2.7]:5022 on [192.0.2.1]:22 past MaxStartups\n"
      "Dec  5 21:00:01 web1 sshd[1]: drop connection #10 from [192.0.2.7]:5023 on [192.0.2.1]:22 past MaxStartups\n";
  Parsed p = Parse(log);
  REQUIRE(p.sessions.size() == 2);
  CHECK(p.sessions[1].peer_port == "5023");
}

TEST_CASE("Open connections are bounded", "[server_transcript]") {
  std::string log;
  for (int i = 0; i < 1000; ++i) {
    log += "Dec  5 21:00:01 web1 sshd[" + std::to_string(1000 + i) + "]: Connection from 192.0.2.7 port " +
           std::to_string(2000 + i) + " on 192.0.2.1 port 22 rdomain \"\"\n";
  }
  ServerTranscript t("test");
  Line message;
  int session = -1;
  uint64_t n = 0;
  std::vector<Session> out;
  std::istringstream in(log);
  LineSource src(in);
  RawLine raw;
  size_t most_held = 0;
  while (src.Next(&raw)) {
    t.Feed(Line{++n, CleanPastedLine(raw.text)}, &message, &session);
    t.TakeFinished(&out);
    most_held = std::max(most_held, static_cast<size_t>(n) - out.size());
  }
  CHECK(most_held <= ServerTranscript::kMaxOpen);
}

TEST_CASE("A pasted journalctl excerpt alone is diagnosed as the server's side", "[server_transcript]") {
  // journalctl -u ssh (short format) of a StrictModes refusal
  const std::string log =
      "Dec 05 21:00:01 web1 sshd[4242]: Authentication refused: bad ownership or modes for directory /home/alice\n"
      "Dec 05 21:00:01 web1 sshd[4242]: Connection closed by authenticating user alice 192.0.2.7 port 5022 [preauth]\n";
  Report r = AnalyzeText(log);
  REQUIRE(r.inputs.size() == 1);
  CHECK(r.inputs[0].error.empty());
  REQUIRE(!r.diagnoses.empty());
  CHECK(r.diagnoses[0].kb == "server-strictmodes-permissions");
  REQUIRE(!r.diagnoses[0].evidence.empty());
  CHECK(r.diagnoses[0].evidence[0].side == Side::kServer);
  REQUIRE(r.sessions.size() == 1);
  CHECK(r.sessions[0].session.side == Side::kServer);
}

TEST_CASE("Hostile server lines are bounded and never crash", "[server_transcript]") {
  std::string huge(100000, 'x');
  const std::string log = "Dec  5 21:00:01 h sshd[1]: Invalid user " + huge + " from 192.0.2.7 port 1\n" +
                          "Dec  5 21:00:01 h sshd[99999999999999]: \n" + "h sshd[]: x\n";
  Parsed p = Parse(log);
  for (const auto& s : p.sessions) CHECK(s.facts.user.size() <= 256);
}

TEST_CASE("Signatures read only their own side's sessions", "[server_transcript]") {
  // The same words on both sides: sshd logs the client's offer, ssh the server's.
  const std::string line =
      "Unable to negotiate with 192.0.2.7 port 5022: no matching key exchange method found. Their offer: "
      "diffie-hellman-group1-sha1 [preauth]\n";
  Report server = AnalyzeText(line);
  REQUIRE(!server.diagnoses.empty());
  for (const auto& d : server.diagnoses) CHECK(d.signature_def->side == Side::kServer);
  CHECK(server.diagnoses[0].signature == "server-negotiation-kex");
}

// The byte checks before the regular expressions must never turn away a line
// they would take apart. Synthetic lines near each check's edges, then every
// line of the corpus.
TEST_CASE("MayBeSyslogLine turns away no line the syslog patterns take", "[server_transcript]") {
  const RE2 tagged(kSyslogTagPattern), untimed(kSyslogTagUntimedPattern);
  REQUIRE(tagged.ok());
  REQUIRE(untimed.ok());
  size_t taken = 0;
  auto check = [&](const std::string& line) {
    for (bool time_removed : {false, true}) {
      bool matches = RE2::PartialMatch(line, time_removed ? untimed : tagged);
      if (matches) {
        ++taken;
        INFO(line << " (time removed: " << time_removed << ")");
        CHECK(MayBeSyslogLine(line, time_removed));
      }
    }
  };
  const std::string program63 = "p" + std::string(63, 'x');
  const std::vector<std::string> synthetic = {
      "Dec  5 21:00:01 web1 sshd[1234]: Accepted publickey for alice",
      "Dec 05 21:00:01 web1 nologin: This account is currently not available.",
      "2024-05-01T12:34:56+0000 web1 sshd-auth[89]: debug1: x",
      "2024-05-01T12:34:56.123456+02:00 web1 sshd: x",
      "web1 sshd[7]: Accepted publickey for alice",
      "web1 sshd-session[88]: Connection closed by 192.0.2.7 port 5022",
      "web1 " + program63 + "[1]: at the program name's limit",
      "web1 " + program63 + "x[1]: one past it",
      "web1 " + program63 + ": at the limit without a PID",
      "web1 nologin: without a PID",
      "web1: nologin: a host ending in ':'",
      "h a[1]: short",
      "h a: short",
      "h.example.org my.prog/x_y-1[22]: punctuation in the program",
      "h 1prog[2]: a program starting with a digit",
      "h\tsshd[2]: a tab after the host",
      " sshd[2]: a leading blank",
      "\xc3\xa9h sshd[2]: a host in UTF-8",
      "h\xff sshd[2]: a host with a byte that is no UTF-8",
      "h sshd [2]: a blank before the PID",
      "h sshd[]: an empty PID",
      "h sshd[12345678901]: a PID too long",
      "h sshd[2]:no blank after the tag",
      "h sshd[2]: ",
      "h sshd",
      "h ",
      "h",
      "",
      "debug1: Reading configuration data /etc/ssh/ssh_config",
      "kex_exchange_identification: read: Connection reset by peer",
      "Authentication refused: bad ownership or modes for directory /home/a",
      "Dec  5 21:00:01 ",
      "Dec  5 21:00:01  web1  sshd[1]: two blanks",
      "1234-",
      "Abc x",
  };
  for (const auto& line : synthetic) check(line);
  const size_t synthetic_taken = taken;
  CHECK(synthetic_taken >= 12);  // the list reaches the edges from both sides
  for (const auto& entry : sshdiag::testing::CorpusEntries()) {
    std::istringstream in(sshdiag::testing::ReadFile(sshdiag::testing::SourcePath(entry.log)));
    LineSource src(in);
    RawLine raw;
    while (src.Next(&raw)) check(CleanPastedLine(raw.text));
  }
  CHECK(taken > synthetic_taken);  // the corpus holds syslog and journal lines
  // And the other way: it does turn away a client's lines.
  CHECK_FALSE(MayBeSyslogLine("debug1: Reading configuration data /etc/ssh/ssh_config"));
  CHECK_FALSE(MayBeSyslogLine("debug1: Connecting to 127.0.0.1 [127.0.0.1] port 22."));
  CHECK_FALSE(MayBeSyslogLine("OpenSSH_9.2p1 Debian-2+deb12u6, OpenSSL 3.0.17 1 Jul 2025"));
}

// A client's line goes to the client without the server's patterns when it
// holds none of the literals sshd's own lines need: that check must never
// turn away a line the patterns know. Synthetic sshd -e lines from sshd's
// format strings, then every line of the corpus.
TEST_CASE("MayStartServerOutput turns away no line that says sshd's output follows", "[server_transcript]") {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingLatin1);
  std::vector<std::unique_ptr<RE2>> patterns;
  for (const std::string& p : ServerOutputPatterns()) {
    patterns.push_back(std::make_unique<RE2>(p, options));
    REQUIRE(patterns.back()->ok());
  }
  REQUIRE(patterns.size() == 2);
  size_t known = 0;
  auto check = [&](const std::string& line) {
    bool matches = false;
    for (const auto& re : patterns) matches = matches || RE2::PartialMatch(line, *re);
    if (!matches) return;
    ++known;
    INFO(line);
    CHECK(MayStartServerOutput(line));
  };
  for (const char* line : {
           "Server listening on 0.0.0.0 port 2222.",
           "Received signal 15; terminating.",
           "Received SIGHUP; restarting.",
           "error: beginning MaxStartups throttling",
           "in MaxStartups throttling",
           "debug1: Bind to port 2222 on 0.0.0.0.",
           "debug3: oom_adjust_restore",
           "debug2: load_server_config: filename /etc/ssh/sshd_config",
           "debug1: sshd version OpenSSH_9.2, OpenSSL 3.0.17 1 Jul 2025",
           "Connection from 127.0.0.1 port 40000 on 127.0.0.1 port 2222 rdomain \"\"",
           "Accepted publickey for alice from 127.0.0.1 port 40000 ssh2: ED25519 SHA256:abc",
           "Failed password for invalid user bob from 127.0.0.1 port 40000 ssh2",
           "Authentication refused: bad ownership or modes for directory /home/alice",
           "User alice from 127.0.0.1 not allowed because not listed in AllowUsers",
           "ROOT LOGIN REFUSED FROM 127.0.0.1 port 40000",
           "drop connection #10 from [127.0.0.1]:40000 on [127.0.0.1]:2222 past MaxStartups",
           "Connection closed by authenticating user alice 127.0.0.1 port 40000 [preauth]",
           "Disconnected from invalid user bob 127.0.0.1 port 40000 [preauth]",
           "Invalid user bob from 127.0.0.1 port 40000",
           "subsystem request for sftp by user alice failed, subsystem not found",
           "fatal: bad ownership or modes for chroot directory \"/srv\"",
           "User child is on pid 1234",
           "error: maximum authentication attempts exceeded for alice from 127.0.0.1 port 40000 ssh2 [preauth]",
           "Starting session: command for alice from 127.0.0.1 port 40000 id 0",
           "fatal: Timeout before authentication for 127.0.0.1 port 40000",
           "debug1: userauth_pubkey: test pkalg ssh-ed25519 pkblob ED25519 SHA256:abc [preauth]",
       }) {
    check(line);
  }
  CHECK(known >= 20);
  const size_t synthetic = known;
  for (const auto& entry : sshdiag::testing::CorpusEntries()) {
    std::istringstream in(sshdiag::testing::ReadFile(sshdiag::testing::SourcePath(entry.log)));
    LineSource src(in);
    RawLine raw;
    while (src.Next(&raw)) check(CleanPastedLine(raw.text));
  }
  CHECK(known > synthetic);  // the lab's sshd logs hold such lines
  // It spares the patterns most of a client's lines.
  CHECK_FALSE(MayStartServerOutput("debug1: Reading configuration data /etc/ssh/ssh_config"));
  CHECK_FALSE(MayStartServerOutput("debug3: receive packet: type 80"));
  CHECK_FALSE(MayStartServerOutput("OpenSSH_9.2p1 Debian-2+deb12u6, OpenSSL 3.0.17 1 Jul 2025"));
}
