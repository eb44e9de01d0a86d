#include "safe_text.h"

#include <catch2/catch.hpp>

using namespace sshdiag;

TEST_CASE("MakeVisible neutralises terminal escape sequences a server could send", "[safe_text]") {
  // Hostile banner text: set the window title, move the cursor, clear the screen.
  CHECK(MakeVisible("banner \x1b]0;pwned\x07 end") == "banner \\x1b]0;pwned\\x07 end");
  CHECK(MakeVisible("\x1b[2J\x1b[H") == "\\x1b[2J\\x1b[H");
  CHECK(MakeVisible("a\rb") == "a\\x0db");
  CHECK(MakeVisible("del\x7f") == "del\\x7f");
  // C1 CSI (U+009B) as UTF-8, and the same byte raw.
  CHECK(MakeVisible("x\xc2\x9b" "31m") == "x\\x9b31m");
  CHECK(MakeVisible("x\x9b") == "x\\x9b");
  // Right-to-left override hides text order.
  CHECK(MakeVisible("abc\xe2\x80\xae" "def") == "abc\\u{202e}def");
}

TEST_CASE("MakeVisible keeps printable ASCII and UTF-8 text", "[safe_text]") {
  CHECK(MakeVisible("debug1: Connecting to h [1.2.3.4] port 22.") == "debug1: Connecting to h [1.2.3.4] port 22.");
  CHECK(MakeVisible("接続 café") == "接続 café");
  CHECK(MakeVisible("") == "");
}

TEST_CASE("ToValidUtf8 replaces invalid bytes and says so", "[safe_text]") {
  bool replaced = false;
  CHECK(ToValidUtf8("ok", &replaced) == "ok");
  CHECK_FALSE(replaced);
  CHECK(ToValidUtf8("a\xff" "b", &replaced) == "a\xef\xbf\xbd" "b");
  CHECK(replaced);
  CHECK(ToValidUtf8("\xc0\xaf") == "\xef\xbf\xbd\xef\xbf\xbd");  // overlong '/'
  CHECK(ToValidUtf8("\xed\xa0\x80") == "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");  // surrogate
  CHECK(ToValidUtf8("日本") == "日本");
}

TEST_CASE("EscapeHtml escapes markup and quotes", "[safe_text]") {
  CHECK(EscapeHtml("<script>alert('x')</script> & \"y\"") ==
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;");
}

TEST_CASE("The UTF-8 validator rejects overlong forms, surrogates and code points past U+10FFFF", "[safe_text]") {
  // Each sequence below is invalid UTF-8 by RFC 3629, written for the test.
  const char* invalid[] = {
      "\xc0\xaf",          // '/' as an overlong 2-byte form
      "\xe0\x80\xaf",      // '/' as an overlong 3-byte form
      "\xf0\x80\x80\xaf",  // '/' as an overlong 4-byte form
      "\xed\xa0\x80",      // U+D800, a surrogate
      "\xf4\x90\x80\x80",  // U+110000
      "\xe2\x82",          // truncated
  };
  for (const char* s : invalid) {
    std::string text(s);
    INFO("bytes of length " << text.size());
    CHECK(ValidUtf8SequenceLength(text, 0) == 0);
    bool replaced = false;
    CHECK(ToValidUtf8(text, &replaced).find("\xef\xbf\xbd") != std::string::npos);
    CHECK(replaced);
  }
  // The shortest forms of the same and neighbouring characters are valid.
  CHECK(ValidUtf8SequenceLength("\xe0\xa0\x80", 0) == 3);      // U+0800
  CHECK(ValidUtf8SequenceLength("\xf0\x90\x80\x80", 0) == 4);  // U+10000
  CHECK(ValidUtf8SequenceLength("\xf4\x8f\xbf\xbf", 0) == 4);  // U+10FFFF
  CHECK(ValidUtf8SequenceLength("\xee\x80\x80", 0) == 3);      // U+E000
}
