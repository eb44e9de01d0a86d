#include "json_printer.h"

#include <algorithm>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>

#include "safe_text.h"
#include "test_support.h"

using namespace sshdiag;
using nlohmann::json;
using sshdiag::testing::AnalyzeFile;
using sshdiag::testing::AnalyzeText;

namespace {

json ToJson(const Report& r, size_t top = 3) {
  PrintOptions o;
  o.top = top;
  o.program_version = "9.9.9";
  o.signature_set = "set";
  std::ostringstream out;
  PrintJson(r, o, out);
  return json::parse(out.str());  // throws (fails the test) unless the output is one JSON document
}

}  // namespace

TEST_CASE("JSON output carries the versioned envelope", "[json_printer]") {
  json j = ToJson(AnalyzeFile("corpus/lab/openssh-9.2/ipqos-reset.log"));
  CHECK(j["schema_version"] == kJsonSchemaVersion);
  CHECK(j["sshdiag_version"] == "9.9.9");
  CHECK(j["status"] == "diagnosed");
  CHECK(j["exit_code"] == 1);
  REQUIRE(j["sessions"].size() == 1);
  const json& s = j["sessions"][0];
  CHECK(s["phase_reached"] == "session");
  CHECK(s["outcome"] == "failed");
  CHECK(s["facts"]["client"]["version"] == "9.2p1");
  CHECK(s["facts"]["destination"]["port"] == 42000);
  const json& d = j["diagnoses"][0];
  CHECK(d["kb"] == "ipqos-tos-drop");
  CHECK(d["session"] == 0);
  CHECK(d["level"] == "likely");
  CHECK(d["accounts_for_failure"] == true);
  bool saw_confirm = false, saw_pipe = false;
  for (const auto& e : d["evidence"]) {
    REQUIRE(e["line"].is_number_unsigned());
    std::string t = e["text"];
    saw_confirm = saw_confirm || t.find("open confirm rwindow 0 rmax 32768") != std::string::npos;
    saw_pipe = saw_pipe || t == "client_loop: send disconnect: Broken pipe";
  }
  CHECK(saw_confirm);
  CHECK(saw_pipe);
  CHECK(d["remedies"][0]["config"] == "Host 127.0.0.1\n    IPQoS none");
  CHECK(d["remedies"][0]["option"] == "-o IPQoS=none");
}

TEST_CASE("JSON output of a success has no diagnoses", "[json_printer]") {
  json j = ToJson(AnalyzeFile("corpus/lab/openssh-9.2/success-exec.log"));
  CHECK(j["status"] == "ok");
  CHECK(j["exit_code"] == 0);
  CHECK(j["diagnoses"].empty());
  CHECK(j["sessions"][0]["facts"]["exit_status"] == 0);
}

TEST_CASE("JSON output is valid UTF-8 when the log is not, and says so", "[json_printer]") {
  // Synthetic tail with a host name carrying invalid UTF-8 bytes.
  Report r = AnalyzeText(
      "debug2: channel 0: open confirm rwindow 0 rmax 32768\n"
      "Read from remote host bad\xff\xfe: Connection reset by peer\n");
  PrintOptions o;
  std::ostringstream out;
  PrintJson(r, o, out);
  std::string text = out.str();
  bool replaced = false;
  ToValidUtf8(text, &replaced);
  CHECK_FALSE(replaced);
  json j = json::parse(text);
  bool warned = false;
  for (const auto& w : j["warnings"]) warned = warned || w.get<std::string>().find("U+FFFD") != std::string::npos;
  CHECK(warned);
}

TEST_CASE("JSON output honours top", "[json_printer]") {
  // Three failed attempts in one paste: one diagnosis each.
  std::string three = sshdiag::testing::ReadFile(sshdiag::testing::SourcePath("corpus/lab/openssh-9.2/connection-refused.log")) +
                      sshdiag::testing::ReadFile(sshdiag::testing::SourcePath("corpus/lab/openssh-9.2/host-key-changed.log")) +
                      sshdiag::testing::ReadFile(sshdiag::testing::SourcePath("corpus/lab/openssh-9.2/no-matching-cipher.log"));
  Report r = AnalyzeText(three);
  REQUIRE(r.diagnoses.size() >= 3);
  CHECK(ToJson(r, 0)["diagnoses"].size() == r.diagnoses.size());
  CHECK(ToJson(r, 1)["diagnoses"].size() == 1);
  CHECK(ToJson(r, 2)["diagnoses"].size() == 2);
  CHECK(ToJson(r, 1)["diagnoses"][0]["signature"] == r.diagnoses[0].signature);
}

TEST_CASE("JSON output of unusable input is status error, exit code 2", "[json_printer]") {
  json j = ToJson(AnalyzeText("just some words\n"));
  CHECK(j["status"] == "error");
  CHECK(j["exit_code"] == 2);
  CHECK(j["inputs"][0]["error"].get<std::string>().find("no SSH client output") != std::string::npos);
}

TEST_CASE("JSON facts are the fact table's, where it puts them", "[json_printer]") {
  Report r = AnalyzeFile("corpus/lab/openssh-9.2/success-exec.log");
  json facts = ToJson(r)["sessions"][0]["facts"];
  const Facts& f = r.sessions.at(0).session.facts;
  for (const FactDescriptor& d : FactTable()) {
    INFO(d.name);
    std::string pointer = std::string("/") + d.json_path;
    std::replace(pointer.begin(), pointer.end(), '.', '/');
    const json& slot = facts.at(json::json_pointer(pointer));
    std::string text = d.text(f);
    if (d.json_type == FactJson::kStringList) {
      CHECK(slot.size() == d.list(f)->size());
    } else if (text.empty()) {
      CHECK(slot.is_null());
    } else if (d.json_type == FactJson::kString) {
      CHECK(slot == text);
    } else {
      CHECK(std::to_string(slot.get<long long>()) == text);
    }
  }
  CHECK(facts["client"]["version"] == "9.2p1");
  CHECK(facts["exit_status"] == 0);
}

TEST_CASE("JSON sessions show their verbosity and extent", "[json_printer]") {
  json whole = ToJson(AnalyzeFile("corpus/lab/openssh-9.2/connection-refused.log"));
  CHECK(whole["schema_version"] == kJsonSchemaVersion);
  CHECK(whole["sessions"][0]["verbosity"] == "debug3");
  CHECK(whole["sessions"][0]["extent"] == "whole");
  // Synthetic single line.
  json part = ToJson(AnalyzeText("Permission denied (publickey).\n"));
  CHECK(part["sessions"][0]["verbosity"] == "plain");
  CHECK(part["sessions"][0]["extent"] == "excerpt");
}

TEST_CASE("JSON marks alternatives with their answer's index and grounds, and --top counts answers",
          "[json_printer]") {
  // Synthetic: a bare refusal, as pasted.
  Report r = AnalyzeText("Permission denied (publickey).\n");
  json all = ToJson(r, 0);
  REQUIRE(all["diagnoses"].size() >= 3);
  CHECK(all["diagnoses"][0]["alternative_to"].is_null());
  CHECK(all["diagnoses"][0]["grounds"].is_null());
  bool named = false;
  for (size_t i = 1; i < all["diagnoses"].size(); ++i) {
    const json& d = all["diagnoses"][i];
    CHECK(d["alternative_to"] == 0);
    CHECK(d["level"] == "possible");
    named = named || d["grounds"] == "named-by-signature";
  }
  CHECK(named);
  json top1 = ToJson(r, 1);
  CHECK(top1["diagnoses"].size() == all["diagnoses"].size());  // one answer, with all its alternatives
}

TEST_CASE("JSON remedies carry weakens_security and their platforms", "[json_printer]") {
  json j = ToJson(AnalyzeFile("corpus/lab/openssh-9.2/no-matching-mac.plain.log"));
  const json& remedies = j["diagnoses"][0]["remedies"];
  REQUIRE(remedies.size() >= 2);
  CHECK(remedies[0]["weakens_security"] == true);
  CHECK(remedies[0]["platforms"] == json::array());
  bool any_safe = false;
  for (const auto& r : remedies) any_safe = any_safe || r["weakens_security"] == false;
  CHECK(any_safe);
  CHECK(j["schema_version"] == "1.8");
}

TEST_CASE("JSON output says whose log each session and each evidence line is from", "[json_printer]") {
  // A real client log and the real sshd log of the same lab scenario, as one paste.
  std::string both = sshdiag::testing::ReadFile(
                         sshdiag::testing::SourcePath("corpus/lab/openssh-9.2/denyusers-denied.log")) +
                     sshdiag::testing::ReadFile(
                         sshdiag::testing::SourcePath("corpus/lab/openssh-9.2/denyusers-denied.sshd.log"));
  json j = ToJson(AnalyzeText(both));
  CHECK(j["schema_version"] == "1.8");
  std::set<std::string> sides;
  for (const auto& s : j["sessions"]) sides.insert(s["side"].get<std::string>());
  CHECK(sides == std::set<std::string>{"client", "server"});
  REQUIRE(!j["diagnoses"].empty());
  const json& top = j["diagnoses"][0];
  CHECK(top["kb"] == "user-not-allowed");
  REQUIRE(!top["evidence"].empty());
  CHECK(top["evidence"][0]["side"] == "server");
  CHECK(top["evidence"][0]["text"].get<std::string>().find("listed in DenyUsers") != std::string::npos);
}

TEST_CASE("JSON's invalid-UTF-8 warning is in the report's language", "[json_printer]") {
  // Synthetic tail with a host name carrying invalid UTF-8 bytes (as above), analysed in Japanese.
  Report r = AnalyzeText(
      "debug2: channel 0: open confirm rwindow 0 rmax 32768\n"
      "Read from remote host bad\xff\xfe: Connection reset by peer\n",
      "ja");
  PrintOptions o;
  std::ostringstream out;
  PrintJson(r, o, out);
  const json j = json::parse(out.str());
  CHECK(std::find(j["warnings"].begin(), j["warnings"].end(), Say(Msg::kWarnInvalidUtf8, "ja")) != j["warnings"].end());
  CHECK(std::find(j["warnings"].begin(), j["warnings"].end(), Say(Msg::kWarnInvalidUtf8, "en")) == j["warnings"].end());
}
