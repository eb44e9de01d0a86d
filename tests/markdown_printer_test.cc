#include "markdown_printer.h"

#include <sstream>

#include <catch2/catch.hpp>

#include "test_support.h"

using namespace sshdiag;
using sshdiag::testing::AnalyzeFile;
using sshdiag::testing::AnalyzeText;

namespace {

std::string Print(const Report& r) {
  PrintOptions o;
  std::ostringstream out;
  PrintMarkdown(r, o, out);
  return out.str();
}

}  // namespace

TEST_CASE("Markdown output has the diagnosis, evidence in a code block and the remedy", "[markdown_printer]") {
  std::string md = Print(AnalyzeFile("corpus/lab/openssh-9.2/ipqos-reset.log"));
  CHECK(md.find("### sshdiag: diagnosed") == 0);
  CHECK(md.find("root cause `ipqos-tos-drop`") != std::string::npos);
  CHECK(md.find("~~~text\n") != std::string::npos);
  CHECK(md.find(": client_loop: send disconnect: Broken pipe\n") != std::string::npos);
  CHECK(md.find("IPQoS none") != std::string::npos);
}

TEST_CASE("FenceFor outgrows any fence inside the body", "[markdown_printer]") {
  CHECK(FenceFor("plain") == "~~~");
  CHECK(FenceFor("a ~~~~ b") == "~~~~~");
  CHECK(FenceFor("```````") == "~~~~~~~~");
}

TEST_CASE("Log text cannot break out of a Markdown code block", "[markdown_printer]") {
  // Synthetic: a host name that tries to close the fence and inject a link.
  Report r = AnalyzeText(
      "debug2: channel 0: open confirm rwindow 0 rmax 32768\n"
      "Read from remote host ~~~~~~[x](javascript:alert(1))<img/src=x>: Connection reset by peer\n");
  std::string md = Print(r);
  auto start = md.find("Evidence:\n\n");
  REQUIRE(start != std::string::npos);
  auto fence_start = start + 11;
  std::string fence = md.substr(fence_start, md.find("text\n", fence_start) - fence_start);
  CHECK(fence.size() > 6);
  auto close = md.find("\n" + fence + "\n", fence_start + fence.size());
  REQUIRE(close != std::string::npos);
  CHECK(md.substr(fence_start, close - fence_start).find("javascript") != std::string::npos);
}

TEST_CASE("EscapeMarkdownInline escapes syntax and HTML", "[markdown_printer]") {
  CHECK(EscapeMarkdownInline("[a](b) <i>*x*</i>") == "\\[a\\]\\(b\\) &lt;i&gt;\\*x\\*&lt;/i&gt;");
  CHECK(EscapeMarkdownInline("esc\x1b") == "esc\\\\x1b");
}

TEST_CASE("Markdown output speaks Japanese with --lang ja", "[markdown_printer]") {
  Report r = AnalyzeText(sshdiag::testing::ReadFile(sshdiag::testing::SourcePath("corpus/lab/openssh-9.2/ipqos-reset.log")), "ja");
  std::string md = Print(r);
  CHECK(md.find("根拠:") != std::string::npos);
  CHECK(md.find("**対処**") != std::string::npos);
  CHECK(md.find("Evidence:") == std::string::npos);
}

TEST_CASE("Markdown lists a differential's alternatives under the answer", "[markdown_printer]") {
  // Synthetic: a bare refusal, as pasted.
  std::string out = Print(AnalyzeText("Permission denied (publickey).\n"));
  size_t also = out.find("**Also possible (the same lines fit these causes):**");
  REQUIRE(also != std::string::npos);
  CHECK(out.find("#### 2.") == std::string::npos);
  CHECK(out.find("- ", also) != std::string::npos);
  CHECK(out.find("`pubkey-algorithm-not-accepted`. Tell apart:", also) != std::string::npos);
}

TEST_CASE("A remedy that weakens security says so in Markdown too", "[markdown_printer]") {
  std::string out = Print(AnalyzeFile("corpus/lab/openssh-9.2/no-matching-mac.plain.log"));
  CHECK(out.find("(client, weakens security)") != std::string::npos);
}

TEST_CASE("Markdown escapes a hyphen plus or hash only where it would start a block", "[markdown_printer]") {
  CHECK(EscapeMarkdownInline("the connection was re-keyed over Wi-Fi, c++ #2") ==
        "the connection was re-keyed over Wi-Fi, c++ #2");
  CHECK(EscapeMarkdownInline("- not a list") == "\\- not a list");
  CHECK(EscapeMarkdownInline("  + not a list") == "  \\+ not a list");
  CHECK(EscapeMarkdownInline("# not a heading") == "\\# not a heading");
}

TEST_CASE("Markdown gives an unrecognised failure the next steps the text output gives", "[markdown_printer]") {
  // Synthetic: a disconnect no signature explains.
  Report r = AnalyzeText(
      "debug1: Authentications that can continue: publickey\n"
      "Received disconnect from 10.0.0.1 port 22:11: bye\n");
  REQUIRE(r.status == Status::kUnrecognised);
  std::string md = Print(r);
  CHECK(md.find("Next steps: rerun with ssh \\-vvv") == std::string::npos);  // not at a line start: no backslash
  CHECK(md.find("Next steps: rerun with ssh -vvv") != std::string::npos);
  CHECK(md.find("ssh -G HOST") != std::string::npos);
}
