// The sshdiag program as a user runs it: exit codes, streams, options.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <sstream>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "temp_dir.h"
#include "test_support.h"

using namespace sshdiag::testing;

namespace {

struct Run {
  int code = -1;
  std::string out, err;
};

// Runs sshdiag with args (a shell fragment) and stdin from stdin_file.
Run Sshdiag(const std::string& args, const std::string& stdin_file = "/dev/null") {
  TempDir dir;
  std::string cmd = std::string("NO_COLOR= LANG=C ") + SSHDIAG_BINARY + " " + args + " < " + stdin_file + " > " +
                    dir.path() + "/out 2> " + dir.path() + "/err";
  int status = std::system(cmd.c_str());
  Run r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = ReadFile(dir.path() + "/out");
  r.err = ReadFile(dir.path() + "/err");
  return r;
}

std::string Corpus(const char* name) { return SourcePath(std::string("corpus/lab/openssh-9.2/") + name); }

}  // namespace

TEST_CASE("cli: a diagnosis exits 1, a success 0, from a file or a pipe", "[cli]") {
  CHECK(Sshdiag(Corpus("connection-refused.log")).code == 1);
  Run piped = Sshdiag("", Corpus("ipqos-reset.log"));
  CHECK(piped.code == 1);
  CHECK(piped.out.find("IPQoS none") != std::string::npos);
  CHECK(Sshdiag("-", Corpus("success-exec.log")).code == 0);
}

TEST_CASE("cli: unusable input exits 2 with a clear message", "[cli]") {
  TempDir dir;
  Run empty = Sshdiag("", dir.Write("empty", ""));
  CHECK(empty.code == 2);
  CHECK(empty.err.find("empty input") != std::string::npos);
  Run binary = Sshdiag(dir.Write("bin", std::string("\x7f" "ELF\x02\x01\x01\0\0\0", 10)));
  CHECK(binary.code == 2);
  CHECK(binary.err.find("binary") != std::string::npos);
  Run prose = Sshdiag(dir.Write("prose", "Dear support, my ssh does not work.\n"));
  CHECK(prose.code == 2);
  CHECK(prose.err.find("no SSH client output") != std::string::npos);
  Run missing = Sshdiag(dir.path() + "/nope.log");
  CHECK(missing.code == 2);
  CHECK(missing.err.find("cannot open") != std::string::npos);
  // It says why (strerror): a missing file and a permission problem differ.
  CHECK(missing.err.find("No such file or directory") != std::string::npos);
  // A directory is not a log: it says so, and where a directory is read.
  Run directory = Sshdiag(dir.path());
  CHECK(directory.code == 2);
  CHECK(directory.err.find("cannot open file: Is a directory (--batch reads every log below a directory)") !=
        std::string::npos);
  Run huge_line = Sshdiag(dir.Write("long", std::string(10 * 1024 * 1024, 'x') + "\n"));
  CHECK(huge_line.code == 2);
  CHECK(huge_line.err.find("cut") != std::string::npos);
}

TEST_CASE("cli: usage errors exit 2, --help and --version exit 0", "[cli]") {
  CHECK(Sshdiag("--no-such-option").code == 2);
  CHECK(Sshdiag("--format yaml").code == 2);
  CHECK(Sshdiag("--top many").code == 2);
  CHECK(Sshdiag("--top -1 " + Corpus("ipqos-reset.log")).code == 2);
  Run negative = Sshdiag("--top=-1 " + Corpus("ipqos-reset.log"));
  CHECK(negative.code == 2);
  CHECK(negative.err.find("--top must be 0") != std::string::npos);
  // Numbers that are no count: a fraction, one too large, a word.
  for (const char* bad : {"--top 1.5", "--top 99999999999999999999", "--top many", "--jobs 0", "--jobs -3"}) {
    Run r = Sshdiag(std::string(bad) + " " + Corpus("ipqos-reset.log"));
    INFO(bad);
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK((r.err.find("--top") != std::string::npos || r.err.find("--jobs") != std::string::npos));
  }
  Run help = Sshdiag("--help");
  CHECK(help.code == 0);
  CHECK(help.out.find("Usage: sshdiag") != std::string::npos);
  Run version = Sshdiag("--version");
  CHECK(version.code == 0);
  CHECK(version.out.find("signatures:") != std::string::npos);
}

TEST_CASE("cli: JSON mode prints only JSON on stdout", "[cli]") {
  Run r = Sshdiag("--format json " + Corpus("connection-refused.log"));
  CHECK(r.code == 1);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["diagnoses"][0]["kb"] == "connection-refused");
  TempDir dir;
  Run bad = Sshdiag("--format json " + dir.Write("prose", "not ssh\n"));
  CHECK(bad.code == 2);
  CHECK(nlohmann::json::parse(bad.out)["status"] == "error");
}

TEST_CASE("cli: a broken signature layer warns and the rest loads", "[cli]") {
  TempDir layer;
  layer.Write("broken.json", "{\"id\": \"broken-one\", \"kb\": \"x\", \"explanation\": \"e\",\n \"lines\": [{\"name\": \"a\", \"regex\": \"(\"}]}");
  Run r = Sshdiag("--signatures " + layer.path() + " " + Corpus("connection-refused.log"));
  CHECK(r.code == 1);
  CHECK(r.err.find("broken.json") != std::string::npos);
  CHECK(r.err.find("broken-one") != std::string::npos);
  CHECK(r.err.find("invalid regex") != std::string::npos);
  CHECK(r.out.find("[connection-refused]") != std::string::npos);
}

TEST_CASE("cli: --strict makes a broken signature layer exit 2", "[cli]") {
  TempDir layer;
  layer.Write("broken.json", "{\"id\": \"broken-one\", \"kb\": \"x\", \"explanation\": \"e\",\n \"lines\": [{\"name\": \"a\", \"regex\": \"(\"}]}");
  Run strict = Sshdiag("--strict --signatures " + layer.path() + " " + Corpus("connection-refused.log"));
  CHECK(strict.code == 2);
  CHECK(strict.err.find("--strict") != std::string::npos);
  // Without a warning, --strict changes nothing.
  CHECK(Sshdiag("--strict " + Corpus("connection-refused.log")).code == 1);
}

TEST_CASE("cli: --strict makes a warning about the input (a cut line) exit 2", "[cli]") {
  TempDir dir;
  std::string log = ReadFile(Corpus("connection-refused.log"));
  std::string path = dir.Write("long.log", std::string(20000, 'x') + "\n" + log);
  Run lax = Sshdiag(path);
  CHECK(lax.code == 1);
  CHECK(lax.err.find("cut") != std::string::npos);
  CHECK(Sshdiag("--strict " + path).code == 2);
}

TEST_CASE("cli: a user layer replaces a built-in signature with the same id", "[cli]") {
  TempDir layer;
  layer.Write("mine.json", R"js({"id": "connection-refused", "kb": "connection-refused",
    "explanation": "MY OWN EXPLANATION", "lines": [{"name": "r", "literal": "Connection refused"}]})js");
  Run r = Sshdiag("--signatures " + layer.path() + " " + Corpus("connection-refused.log"));
  CHECK(r.code == 1);
  CHECK(r.out.find("MY OWN EXPLANATION") != std::string::npos);
}

TEST_CASE("cli: --quiet prints nothing and keeps the exit code", "[cli]") {
  Run q = Sshdiag("--quiet " + Corpus("connection-refused.log"));
  CHECK(q.code == 1);
  CHECK(q.out.empty());
  Run ok = Sshdiag("--quiet " + Corpus("success-exec.log"));
  CHECK(ok.code == 0);
  CHECK(ok.out.empty());
  CHECK(Sshdiag("-q " + Corpus("connection-refused.log")).out.empty());
}

TEST_CASE("cli: --format markdown prints Markdown", "[cli]") {
  Run md = Sshdiag("--format markdown " + Corpus("connection-refused.log"));
  CHECK(md.code == 1);
  CHECK(md.out.find("### sshdiag: diagnosed") == 0);
  CHECK(md.out.find("`connection-refused`") != std::string::npos);
}

TEST_CASE("cli: --top cuts the list of diagnoses in every format", "[cli]") {
  // A paste of three different failures: three diagnoses, one per session.
  TempDir dir;
  std::string three = dir.Write("three.log", ReadFile(Corpus("connection-refused.log")) +
                                                 ReadFile(Corpus("host-key-changed.log")) +
                                                 ReadFile(Corpus("no-matching-cipher.log")));
  auto all = nlohmann::json::parse(Sshdiag("--format json --top 0 " + three).out);
  REQUIRE(all["diagnoses"].size() >= 3);
  CHECK(nlohmann::json::parse(Sshdiag("--format json --top 1 " + three).out)["diagnoses"].size() == 1);
  CHECK(nlohmann::json::parse(Sshdiag("--format json " + three).out)["diagnoses"].size() == 3);
  auto count = [](const std::string& text, const std::string& needle) {
    size_t n = 0;
    for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
    return n;
  };
  Run text1 = Sshdiag("--top 1 " + three);
  CHECK(count(text1.out, "   Evidence:") == 1);
  CHECK(text1.out.find("more candidate(s); --top 0 shows all") != std::string::npos);
  CHECK(count(Sshdiag("--top 0 " + three).out, "   Evidence:") == all["diagnoses"].size());
  Run md1 = Sshdiag("--format markdown --top 1 " + three);
  CHECK(md1.out.find("#### 1. ") != std::string::npos);
  CHECK(md1.out.find("#### 2. ") == std::string::npos);
  Run md2 = Sshdiag("--format markdown --top 2 " + three);
  CHECK(md2.out.find("#### 2. ") != std::string::npos);
  CHECK(md2.out.find("#### 3. ") == std::string::npos);
}

TEST_CASE("cli: colour never goes to a pipe unless asked", "[cli]") {
  CHECK(Sshdiag(Corpus("connection-refused.log")).out.find('\x1b') == std::string::npos);
  CHECK(Sshdiag("--color always " + Corpus("connection-refused.log")).out.find('\x1b') != std::string::npos);
}

TEST_CASE("cli: a failure in the 65th session of a long log exits 1", "[cli]") {
  TempDir dir;
  // Real logs concatenated, as a CI job that runs ssh many times prints them.
  std::string ok = ReadFile(Corpus("success-exec.log")), log;
  for (int i = 0; i < 64; ++i) log += ok;
  std::string path = dir.Write("ci.log", log + ReadFile(Corpus("connection-refused.log")));
  Run r = Sshdiag(path);
  CHECK(r.code == 1);
  CHECK(r.out.find("connection") != std::string::npos);
  CHECK(r.out.find("session 65") != std::string::npos);
  Run json = Sshdiag("--format json " + path);
  auto j = nlohmann::json::parse(json.out);
  CHECK(j["diagnoses"][0]["session"] == 64);
  CHECK(j["sessions"].size() == 65);
}

TEST_CASE("cli: ssh's stdout alone gets a hint that its log is on standard error", "[cli]") {
  TempDir dir;
  // What `ssh -v host 'echo hello' | sshdiag` passes on: only the remote command's output.
  Run r = Sshdiag("", dir.Write("stdout-only", "hello\n"));
  CHECK(r.code == 2);
  CHECK(r.err.find("no SSH client output") != std::string::npos);
  CHECK(r.err.find("standard error") != std::string::npos);
  CHECK(r.err.find("2>&1") != std::string::npos);
}

TEST_CASE("cli: signatures lint exits 1 naming the broken file, 0 on the built-in set", "[cli]") {
  TempDir layer;
  layer.Write("broken.json", "{\"id\": \"broken-one\", \"kb\": \"x\", \"explanation\": \"e\",\n \"lines\": [{\"name\": \"a\", \"regex\": \"(\"}]}");
  Run r = Sshdiag("signatures lint " + layer.path());
  CHECK(r.code == 1);
  CHECK(r.out.find("broken.json: signature broken-one: SD002") != std::string::npos);
  Run j = Sshdiag("signatures lint --format json " + layer.path());
  CHECK(j.code == 1);
  auto doc = nlohmann::json::parse(j.out);
  CHECK(doc["errors"].get<int>() >= 1);
  Run builtin = Sshdiag("signatures lint --root " + SourcePath(""));
  CHECK(builtin.code == 0);
  CHECK(builtin.out.find("0 error(s)") != std::string::npos);
}

TEST_CASE("cli: signatures test runs a contributor's signature on top of the built-in set", "[cli]") {
  TempDir layer;
  layer.Write("mine.json", R"js({"id": "mine", "kb": "connection-refused", "explanation": "x", "weight": 0.99,
    "lines": [{"name": "r", "regex": "Connection refused$"}],
    "examples": {"match": ["corpus/lab/openssh-9.2/connection-refused.log"],
                 "no_match": ["corpus/lab/openssh-9.2/success-exec.log"]}})js");
  Run ok = Sshdiag("signatures test --root " + SourcePath("") + " " + layer.path() + "/mine.json");
  CHECK(ok.code == 0);
  CHECK(ok.out.find("ok   mine  match 1/1, no_match 1/1") != std::string::npos);
  layer.Write("mine.json", R"js({"id": "mine", "kb": "connection-refused", "explanation": "x",
    "lines": [{"name": "r", "regex": "Connection refused$"}],
    "examples": {"match": ["corpus/lab/openssh-9.2/success-exec.log"]}})js");
  Run bad = Sshdiag("signatures test --root " + SourcePath("") + " " + layer.path());
  CHECK(bad.code == 1);
  CHECK(bad.out.find("FAIL mine") != std::string::npos);
  CHECK(Sshdiag("signatures frobnicate").code == 2);
}

TEST_CASE("cli: no signature set at all, or a layer that does not exist, is a usage error naming where it looked", "[cli]") {
  TempDir dir;
  // A copied binary finds no data beside it; an empty SSHDIAG_DATA_DIR stands in for any place without data.
  TempDir empty;
  std::string cmd_env = "SSHDIAG_DATA_DIR=" + empty.path() + " ";
  TempDir out;
  std::string cmd = cmd_env + SSHDIAG_BINARY + " " + Corpus("connection-refused.log") + " > " + out.path() +
                    "/out 2> " + out.path() + "/err";
  int status = std::system(cmd.c_str());
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 2);
  std::string err = ReadFile(out.path() + "/err");
  CHECK(err.find("no signatures loaded: looked in " + empty.path() + "/signatures") != std::string::npos);
  Run missing_layer = Sshdiag("-s " + dir.path() + "/nowhere " + Corpus("connection-refused.log"));
  CHECK(missing_layer.code == 2);
  CHECK(missing_layer.err.find("no such directory: " + dir.path() + "/nowhere") != std::string::npos);
  Run missing_kb = Sshdiag("--kb " + dir.path() + "/nowhere " + Corpus("connection-refused.log"));
  CHECK(missing_kb.code == 2);
}

TEST_CASE("cli: overlays load in order pack, user, SSHDIAG_PATH, --signatures, and list shows each origin", "[cli]") {
  TempDir home;
  // Synthetic signatures replacing the built-in connection-refused one at each layer.
  auto sig = [](const std::string& text) {
    return R"js({"id": "connection-refused", "kb": "connection-refused", "explanation": ")js" + text +
           R"js(", "lines": [{"name": "r", "literal": "Connection refused"}]})js";
  };
  home.Write("data/sshdiag/active/signatures/connection-refused.json", sig("FROM THE PACK"));
  home.Write("config/sshdiag/signatures/connection-refused.json", sig("FROM THE USER"));
  home.Write("config/sshdiag/signatures/broken.json", "{not json");
  home.Write("path1/signatures/connection-refused.json", sig("FROM SSHDIAG_PATH"));
  home.Write("cli/connection-refused.json", sig("FROM THE COMMAND LINE"));
  auto run = [&](const std::string& env, const std::string& args) {
    TempDir out;
    std::string cmd = "NO_COLOR= LANG=C HOME=" + home.path() + " " + env + " " + SSHDIAG_BINARY + " " + args +
                      " > " + out.path() + "/out 2> " + out.path() + "/err";
    int status = std::system(cmd.c_str());
    Run r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = ReadFile(out.path() + "/out");
    r.err = ReadFile(out.path() + "/err");
    return r;
  };
  const std::string log = Corpus("connection-refused.log");
  const std::string pack = "XDG_DATA_HOME=" + home.path() + "/data";
  const std::string user = pack + " XDG_CONFIG_HOME=" + home.path() + "/config";
  const std::string path = user + " SSHDIAG_PATH=/nonexistent:" + home.path() + "/path1";
  CHECK(run(pack, log).out.find("FROM THE PACK") != std::string::npos);
  Run u = run(user, log);
  CHECK(u.code == 1);
  CHECK(u.out.find("FROM THE USER") != std::string::npos);
  CHECK(u.err.find("broken.json") != std::string::npos);  // reported, and the rest runs
  CHECK(run(path, log).out.find("FROM SSHDIAG_PATH") != std::string::npos);
  CHECK(run(path, "--signatures " + home.path() + "/cli " + log).out.find("FROM THE COMMAND LINE") !=
        std::string::npos);
  Run list = run(path, "signatures list");
  CHECK(list.code == 0);
  CHECK(list.out.find("connection-refused  connection-refused  SSHDIAG_PATH  " + home.path() +
                      "/path1/signatures/connection-refused.json") != std::string::npos);
  CHECK(list.out.find("connection-refused  connection-refused  built-in") == std::string::npos);
  CHECK(list.out.find("agent-forwarding-refused  agent-forwarding-refused  built-in") != std::string::npos);
  // No overlay: the built-in one answers.
  CHECK(run("", log).out.find("FROM THE") == std::string::npos);
}

TEST_CASE("cli: explain shows why a signature fired on one log and not on another", "[cli]") {
  Run hit = Sshdiag("explain --signature connection-refused " + Corpus("connection-refused.log"));
  CHECK(hit.code == 0);
  CHECK(hit.out.find("matched, with evidence on line(s)") != std::string::npos);
  Run miss = Sshdiag("explain --signature connection-refused " + Corpus("success-exec.log"));
  CHECK(miss.code == 1);
  CHECK(miss.out.find("not matched:") != std::string::npos);
  CHECK(Sshdiag("explain --signature no-such-signature " + Corpus("success-exec.log")).code == 2);
  CHECK(Sshdiag("explain " + Corpus("success-exec.log")).code == 2);
  Run empty = Sshdiag("explain --signature connection-refused /dev/null");
  CHECK(empty.code == 2);
  CHECK(empty.err.find("empty input") != std::string::npos);
}

TEST_CASE("cli: signatures new drafts a signature from a log that lint accepts and test passes", "[cli]") {
  TempDir dir;
  Run draft = Sshdiag("signatures new --from " + Corpus("connection-refused.plain.log") +
                      " --cause connection-refused --id my-refused");
  CHECK(draft.code == 0);
  auto doc = nlohmann::json::parse(draft.out);
  CHECK(doc["id"] == "my-refused");
  CHECK(doc["lines"][0]["regex"].get<std::string>().find("Connection refused$") != std::string::npos);
  std::string file = dir.Write("my-refused.json", draft.out);
  Run lint = Sshdiag("signatures lint --root / " + file);
  CHECK(lint.code == 0);
  CHECK(lint.out.find("0 error(s)") != std::string::npos);
  // The built-in signature already explains that log, and test says so.
  Run redundant = Sshdiag("signatures test --root / " + file);
  CHECK(redundant.code == 1);
  CHECK(redundant.out.find("produced: connection-refused") != std::string::npos);
  // As a replacement of the built-in one (the same id), the draft answers.
  Run replacement = Sshdiag("signatures new --from " + Corpus("connection-refused.plain.log") +
                            " --cause connection-refused --id connection-refused");
  std::string replacing = dir.Write("connection-refused.json", replacement.out);
  Run test = Sshdiag("signatures test --root / " + replacing);
  CHECK(test.code == 0);
  CHECK(test.out.find("ok   connection-refused  match 1/1") != std::string::npos);
  CHECK(Sshdiag("signatures new --from " + Corpus("connection-refused.plain.log")).code == 2);
}

TEST_CASE("cli: an experimental signature says so in text, Markdown and JSON", "[cli]") {
  TempDir layer;
  layer.Write("connection-refused.json", R"js({"id": "connection-refused", "kb": "connection-refused",
    "explanation": "mine", "weight": 0.95, "lines": [{"name": "r", "literal": "Connection refused"}]})js");
  const std::string args = "--signatures " + layer.path() + " " + Corpus("connection-refused.log");
  CHECK(Sshdiag(args).out.find("[connection-refused] (experimental signature)") != std::string::npos);
  CHECK(Sshdiag("--format markdown " + args).out.find("`connection-refused` (experimental)") != std::string::npos);
  auto doc = nlohmann::json::parse(Sshdiag("--format json " + args).out);
  CHECK(doc["diagnoses"][0]["maturity"] == "experimental");
  auto builtin = nlohmann::json::parse(Sshdiag("--format json " + Corpus("connection-refused.log")).out);
  CHECK(builtin["diagnoses"][0]["maturity"] == "stable");
  CHECK(Sshdiag(Corpus("connection-refused.log")).out.find("experimental") == std::string::npos);
}

TEST_CASE("cli: signatures export-patterns prints one pattern a line in each flavor", "[cli]") {
  Run re2 = Sshdiag("signatures export-patterns");
  CHECK(re2.code == 0);
  CHECK(re2.out.find("(?:") != std::string::npos);
  CHECK(re2.out.find("(?P<") == std::string::npos);
  Run ere = Sshdiag("signatures export-patterns --flavor ere");
  CHECK(ere.code == 0);
  CHECK(ere.out.find("(?") == std::string::npos);
  CHECK(ere.out.find("\\d") == std::string::npos);
  Run pcre = Sshdiag("signatures export-patterns --flavor pcre");
  CHECK(pcre.code == 0);
  CHECK(pcre.out.find("(?P<") == std::string::npos);
  auto lines = [](const std::string& s) { return std::count(s.begin(), s.end(), '\n'); };
  CHECK(lines(re2.out) > 100);
  CHECK(lines(pcre.out) == lines(re2.out));
  CHECK(lines(ere.out) <= lines(re2.out));
  Run bad = Sshdiag("signatures export-patterns --flavor posix");
  CHECK(bad.code == 2);
  CHECK(bad.err.find("--flavor must be") != std::string::npos);
}

TEST_CASE("cli: batch mode writes one JSON record per log in order whatever --jobs", "[cli]") {
  TempDir dir;
  const std::vector<std::string> names = {"connection-refused.log", "success-exec.log", "ipqos-reset.log"};
  for (size_t i = 0; i < names.size(); ++i) {
    dir.Write("logs/" + std::to_string(i) + "-" + names[i], ReadFile(Corpus(names[i].c_str())));
  }
  Run one = Sshdiag("--batch " + dir.path() + "/logs --jobs 1");
  Run two = Sshdiag("--batch " + dir.path() + "/logs --jobs 2");
  CHECK(one.code == 1);
  CHECK(two.code == 1);
  CHECK(one.out == two.out);
  CHECK(one.err.empty());  // no progress when stderr is not a terminal
  std::istringstream lines(one.out);
  std::string line;
  std::vector<nlohmann::json> records;
  while (std::getline(lines, line)) records.push_back(nlohmann::json::parse(line));
  REQUIRE(records.size() == names.size());
  for (size_t i = 0; i < names.size(); ++i) {
    CHECK(records[i]["inputs"][0]["name"] == dir.path() + "/logs/" + std::to_string(i) + "-" + names[i]);
  }
  CHECK(records[0]["status"] == "diagnosed");
  CHECK(records[1]["status"] == "ok");
  // A file that cannot be read is a record of its own, and the status says so.
  Run missing = Sshdiag("--batch " + dir.path() + "/nope.log " + Corpus("success-exec.log"));
  CHECK(missing.code == 2);
  CHECK(std::count(missing.out.begin(), missing.out.end(), '\n') == 2);
  CHECK(missing.out.find("cannot open file") != std::string::npos);
  CHECK(Sshdiag("--batch --format text " + dir.path()).code == 2);
  CHECK(Sshdiag("--batch " + dir.path() + " --jobs 0").code == 2);
}

TEST_CASE("cli: kb show and signatures show print what is in force and suggest close ids", "[cli]") {
  Run article = Sshdiag("kb show connection-refused");
  CHECK(article.code == 0);
  CHECK(article.out.find("[connection-refused]") != std::string::npos);
  CHECK(article.out.find("What to do:") != std::string::npos);
  Run typo = Sshdiag("kb show conection-refused");
  CHECK(typo.code == 2);
  CHECK(typo.err.find("no article 'conection-refused'; did you mean connection-refused?") != std::string::npos);
  CHECK(Sshdiag("kb show").code == 2);
  CHECK(Sshdiag("kb list").code == 2);
  Run sig = Sshdiag("signatures show connection-refused");
  CHECK(sig.code == 0);
  CHECK(sig.out.find("connection-refused  [connection-refused]") != std::string::npos);
  CHECK(sig.out.find("built-in") != std::string::npos);
  Run unknown = Sshdiag("signatures show connection-refusd");
  CHECK(unknown.code == 2);
  CHECK(unknown.err.find("did you mean connection-refused") != std::string::npos);
  Run hostile = Sshdiag("signatures show \"$(printf 'evil\\033[2J')\"");
  CHECK(hostile.code == 2);
  CHECK(hostile.err.find('\x1b') == std::string::npos);
}

TEST_CASE("cli: signatures test --strict fails on a todo example that the plain run reports", "[cli]") {
  TempDir dir;
  // Synthetic signature over real corpus logs, with a known gap marked todo.
  std::string file = dir.Write("connection-refused.json", R"js({"id": "connection-refused", "kb": "connection-refused",
    "explanation": "x", "weight": 0.99, "lines": [{"name": "r", "regex": "Connection refused$"}],
    "examples": {"match": ["corpus/lab/openssh-9.2/connection-refused.log",
                           {"log": "corpus/lab/openssh-9.2/success-exec.log", "todo": "a known gap"}]}})js");
  Run lenient = Sshdiag("signatures test --root " + sshdiag::testing::SourcePath("") + " " + file);
  CHECK(lenient.code == 0);
  CHECK(lenient.out.find("todo: match example corpus/lab/openssh-9.2/success-exec.log") != std::string::npos);
  Run strict = Sshdiag("signatures test --strict --root " + sshdiag::testing::SourcePath("") + " " + file);
  CHECK(strict.code == 1);
}

TEST_CASE("cli: the phase strip uses symbols beyond ASCII only when the locale says UTF-8", "[cli]") {
  TempDir dir;
  auto run = [&dir](const std::string& env) {
    std::string cmd = "NO_COLOR= LANG= LC_CTYPE= " + env + " " + SSHDIAG_BINARY + " " +
                      Corpus("publickey-not-authorized.plain.log") + " > " + dir.path() + "/out 2>/dev/null";
    (void)std::system(cmd.c_str());
    std::string out = ReadFile(dir.path() + "/out");
    return out.substr(0, out.find('\n'));
  };
  CHECK(run("LC_ALL=C.UTF-8") ==
        "How far it got: resolve \u2713  connect \u2713  banner \u2713  kex \u2713  hostkey \u2713  auth \u2717  "
        "session \u00b7");
  CHECK(run("LC_ALL=C") == "How far it got: resolve ok  connect ok  banner ok  kex ok  hostkey ok  auth FAILED  "
                           "session -");
  CHECK(run("LC_ALL=") == "How far it got: resolve ok  connect ok  banner ok  kex ok  hostkey ok  auth FAILED  "
                          "session -");
}

TEST_CASE("cli: redact prints the log with private names replaced, --redact the diagnosis", "[cli]") {
  // a real lab log: user sshdiag-lab, plain output names it in "USER@HOST: Permission denied"
  const std::string log = Corpus("publickey-not-authorized.plain.log");
  Run red = Sshdiag("redact " + log);
  CHECK(red.code == 0);
  CHECK(red.out.find("sshdiag-lab") == std::string::npos);
  CHECK(red.out.find("user-1@127.0.0.1: Permission denied (publickey).") != std::string::npos);
  Run piped = Sshdiag("redact --map", log);
  CHECK(piped.out == red.out);
  CHECK(piped.err.find("user-1\tsshdiag-lab") != std::string::npos);
  for (const char* format : {"text", "json", "markdown"}) {
    Run plain = Sshdiag(std::string("--format ") + format + " " + log);
    Run redacted = Sshdiag(std::string("--redact --format ") + format + " " + log);
    INFO(format);
    CHECK(plain.out.find("sshdiag-lab") != std::string::npos);
    CHECK(redacted.out.find("sshdiag-lab") == std::string::npos);
    CHECK(redacted.code == plain.code);
  }
  CHECK(Sshdiag("redact " + SourcePath("no/such/file")).code == 2);
}

TEST_CASE("cli: with --lang ja every input error is the catalogue's Japanese and holds no English label", "[cli]") {
  using sshdiag::Msg;
  TempDir dir;
  const std::vector<std::string> labels = EnglishLabels();
  // The listener's line alone: the first line of a real journal log of the lab.
  const std::string journal = ReadFile(SourcePath("corpus/lab/openssh-10.0/nologin-shell-interactive.sshd.journal.log"));
  const std::string listener = journal.substr(0, journal.find('\n') + 1);
  REQUIRE(listener.find("Server listening on") != std::string::npos);
  const std::string missing = dir.path() + "/nope.log";
  const std::string unreadable = dir.Write("secret.log", "OpenSSH_9.2p1\n");
  const bool can_refuse = ::geteuid() != 0;  // root reads a mode 000 file
  REQUIRE(std::system(("chmod 000 " + unreadable).c_str()) == 0);
  struct Case {
    std::string args;
    Msg message;
    std::string reason;  // after "cannot open file: "
  };
  std::vector<Case> cases = {
      {dir.Write("empty", ""), Msg::kInputEmpty, ""},
      {dir.Write("bin", std::string("\x7f" "ELF\x02\x01\x01\0\0\0", 10)), Msg::kInputBinary, ""},
      {dir.Write("prose", "Dear support, my ssh does not work.\n"), Msg::kInputNotSsh, ""},
      {dir.Write("listener.log", listener), Msg::kInputListenerOnly, ""},
      {missing, Msg::kInputCannotOpen, sshdiag::Say(Msg::kInputNoSuchFile, "ja")},
      {dir.path(), Msg::kInputCannotOpen,
       std::string(sshdiag::Say(Msg::kInputIsDirectory, "ja")) + sshdiag::Say(Msg::kInputBatchReadsDirs, "ja")},
  };
  if (can_refuse) cases.push_back({unreadable, Msg::kInputCannotOpen, sshdiag::Say(Msg::kInputPermission, "ja")});
  for (const auto& c : cases) {
    INFO(c.args);
    const std::string ja = std::string(sshdiag::Say(c.message, "ja")) + (c.reason.empty() ? "" : ": " + c.reason);
    Run text = Sshdiag("--lang ja " + c.args);
    CHECK(text.code == 2);
    CHECK(text.err.find(ja) != std::string::npos);
    CHECK(EnglishLabelIn(text.err, labels) == "");
    // English still says it in English (the same entry).
    const std::string en = std::string(sshdiag::Say(c.message, "en"));
    CHECK(Sshdiag("--lang en " + c.args).err.find(en) != std::string::npos);
    Run json = Sshdiag("--format json --lang ja " + c.args);
    const auto report = nlohmann::json::parse(json.out);
    CHECK(report.at("inputs").at(0).at("error") == ja);
    Run markdown = Sshdiag("--format markdown --lang ja " + c.args);
    CHECK(EnglishLabelIn(markdown.out, labels) == "");
  }
  // A cut line's warning too.
  Run cut = Sshdiag("--lang ja " + dir.Write("long", std::string(10 * 1024 * 1024, 'x') + "\n"));
  CHECK(cut.err.find("バイトより長い 1 行をその長さで切りました") != std::string::npos);
}

TEST_CASE("cli: the analysing command's options work before a subcommand's name as after it", "[cli]") {
  // --lang and --kb before kb show, as after it.
  Run before = Sshdiag("--lang ja kb show ipqos-tos-drop");
  Run after = Sshdiag("kb show ipqos-tos-drop --lang ja");
  CHECK(before.code == 0);
  CHECK(before.out == after.out);
  CHECK(before.out.find(sshdiag::Say(sshdiag::Msg::kShowMechanism, "ja")) != std::string::npos);
  CHECK(Sshdiag("--lang=ja --kb " + SourcePath("kb") + " kb show ipqos-tos-drop").out == before.out);
  // signatures and explain take -s/--signatures wherever it stands.
  Run list_before = Sshdiag("-s " + SourcePath("signatures") + " signatures list");
  CHECK(list_before.code == 0);
  CHECK(list_before.out.find("--signatures") != std::string::npos);  // the layer is listed as given
  CHECK(list_before.out == Sshdiag("signatures list -s " + SourcePath("signatures")).out);
  Run explain_before = Sshdiag("--signatures " + SourcePath("signatures") +
                               " explain --signature ipqos-broken-pipe-after-open-confirm " + Corpus("ipqos-reset.log"));
  Run explain_after = Sshdiag("explain --signature ipqos-broken-pipe-after-open-confirm " + Corpus("ipqos-reset.log") +
                              " --signatures " + SourcePath("signatures"));
  CHECK(explain_before.code == 0);
  CHECK(explain_before.out == explain_after.out);
  CHECK(Sshdiag("--map redact " + Corpus("ipqos-reset.log")).out == Sshdiag("redact --map " + Corpus("ipqos-reset.log")).out);
  // An option a subcommand does not take is refused by it, in either place.
  Run eval_lang = Sshdiag("--lang ja eval");
  CHECK(eval_lang.code == 2);
  CHECK(eval_lang.err.find("eval: unrecognised option '--lang'") != std::string::npos);
  CHECK(Sshdiag("eval --lang ja").err == eval_lang.err);
  // After "--", or after a file, "kb" is a file name as it always was.
  Run file = Sshdiag("--lang en -- kb");
  CHECK(file.code == 2);
  CHECK(file.err.find("kb: cannot open file") != std::string::npos);
}
