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
  CHECK(EscapeMarkdownInline("[a](b) <i>*x*</i>") == "\\[a\\](b) &lt;i>\\*x\\*&lt;/i>");
  CHECK(EscapeMarkdownInline("see [a](b) and ![i][r]") == "see [a\\](b) and ![i\\][r]");
  // MakeVisible's "\x1b": a backslash before a letter is literal in Markdown.
  CHECK(EscapeMarkdownInline("esc\x1b") == "esc\\x1b");
}

TEST_CASE("Markdown output speaks Japanese with --lang ja", "[markdown_printer]") {
  Report r = AnalyzeText(sshdiag::testing::ReadFile(sshdiag::testing::SourcePath("corpus/lab/openssh-9.2/ipqos-reset.log")), "ja");
  std::string md = Print(r);
  CHECK(md.find("根拠:") != std::string::npos);
  CHECK(md.find("**対処:**") != std::string::npos);
  CHECK(md.find("Evidence:") == std::string::npos);
}

TEST_CASE("Markdown lists a differential's alternatives under the answer", "[markdown_printer]") {
  // Synthetic: a bare refusal, as pasted.
  std::string out = Print(AnalyzeText("Permission denied (publickey).\n"));
  size_t also = out.find("**Also possible (the same lines fit these causes):**");
  REQUIRE(also != std::string::npos);
  CHECK(out.find("#### 2.") == std::string::npos);
  CHECK(out.find("- ", also) != std::string::npos);
  CHECK(out.find("root cause `pubkey-algorithm-not-accepted`\n", also) != std::string::npos);
  // How to tell each apart is what to ask next, after the list.
  size_t ask = out.find("**To ask next (the log cannot decide between these):**", also);
  REQUIRE(ask != std::string::npos);
  CHECK(out.find("- **Your key's signature algorithm is not accepted by one side**: ", ask) != std::string::npos);
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

TEST_CASE("Markdown escapes nothing a plain-text ticket would show needlessly", "[markdown_printer]") {
  for (const char* plain : {"add it (client) to ~/.ssh/config and ~/.ssh/known_hosts", "a && b, 2 * 3, C:\\Users\\me",
                            "IPQoS=none (OpenSSH 7.8 or later); see [127.0.0.1]:2222", "snake_case_name"}) {
    CHECK(EscapeMarkdownInline(plain) == plain);
  }
  // Where Markdown would read syntax, it still escapes.
  CHECK(EscapeMarkdownInline("1. not a list") == "1\\. not a list");
  CHECK(EscapeMarkdownInline("_emph_ and *strong*") == "\\_emph\\_ and \\*strong\\*");
  CHECK(EscapeMarkdownInline("a ~~gone~~ b") == "a \\~\\~gone\\~\\~ b");
  CHECK(EscapeMarkdownInline("`code` &amp; <b>") == "\\`code\\` &amp;amp; &lt;b>");
  CHECK(EscapeMarkdownInline("> quote") == "&gt; quote");
  CHECK(EscapeMarkdownInline("| a | b |") == "\\| a | b |");
}

TEST_CASE("Markdown shows how far the connection got", "[markdown_printer]") {
  std::string md = Print(AnalyzeFile("corpus/lab/openssh-9.2/no-matching-cipher.log"));
  CHECK(md.find("**How far it got:** resolve \u2713  connect \u2713  banner \u2713  kex \u2717  hostkey \u00b7  "
                "auth \u00b7  session \u00b7\n") != std::string::npos);
}

TEST_CASE("Markdown says what to ask the customer when the log cannot decide", "[markdown_printer]") {
  // Real plain output: the refusal alone fits several causes.
  std::string md = Print(AnalyzeFile("corpus/lab/openssh-9.2/publickey-not-authorized.plain.log"));
  size_t ask = md.find("**To ask next (the log cannot decide between these):**\n\n- **");
  REQUIRE(ask != std::string::npos);
  CHECK(md.find("**Also possible (the same lines fit these causes):**") < ask);
  // The answer's own check is asked too, so "If unsure" is not repeated.
  CHECK(md.find("**If unsure:**") == std::string::npos);
  // A log that decides asks nothing.
  CHECK(Print(AnalyzeFile("corpus/lab/openssh-9.2/no-matching-cipher.log")).find("To ask next") == std::string::npos);
}

TEST_CASE("Markdown names a pasted or piped input in words, not '-'", "[markdown_printer]") {
  for (const std::string lang : {"en", "ja"}) {
    AnalyzerOptions options;
    options.lang = lang;
    Analyzer analyzer(testing::BuiltinSignatures(), testing::BuiltinKb(), options);
    std::istringstream in("Dear support, my ssh does not work.\n");  // synthetic: no ssh output
    const std::string md = Print(analyzer.AnalyzeStream(in, "-"));
    INFO(md);
    CHECK(md.find(std::string("- **") + Say(Msg::kStandardInput, lang) + "**: " + Say(Msg::kInputNotSsh, lang)) !=
          std::string::npos);
    CHECK(md.find("**\\-**") == std::string::npos);
  }
  // A file keeps its name.
  CHECK(Print(AnalyzeText("", "en")).find("- **test**: ") != std::string::npos);
}
