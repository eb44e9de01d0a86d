// SHA-256 against the FIPS 180-4 test vectors and sha256sum.
#include <catch2/catch.hpp>

#include "sha256.h"

using sshdiag::Sha256;
using sshdiag::Sha256Hex;

TEST_CASE("sha256: the standard test vectors", "[sha256]") {
  CHECK(Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(Sha256Hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256: fed in pieces it gives the digest of the whole", "[sha256]") {
  std::string text(200, 'x');
  for (size_t i = 0; i < text.size(); ++i) text[i] = char('a' + i % 26);
  for (size_t cut : {0, 1, 55, 56, 63, 64, 65, 128, 199}) {
    Sha256 h;
    h.Update(text.substr(0, cut));
    h.Update(text.substr(cut));
    CHECK(h.HexDigest() == Sha256Hex(text));
  }
}
