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
