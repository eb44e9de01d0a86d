// SHA-256 (FIPS 180-4), for checking an update pack's files against the
// digests its signed MANIFEST lists (the format of sha256sum's output).
#ifndef SSHDIAG_SHA256_H_
#define SSHDIAG_SHA256_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace sshdiag {

// Incremental SHA-256: Update() any number of times, then HexDigest() once.
class Sha256 {
 public:
  Sha256();
  void Update(const void* data, size_t size);
  void Update(std::string_view data) { Update(data.data(), data.size()); }
  // The digest as 64 lower-case hex digits, as sha256sum prints it.
  std::string HexDigest();

 private:
  void Block(const uint8_t* block);
  uint32_t state_[8];
  uint8_t buffer_[64];
  size_t buffered_ = 0;
  uint64_t length_ = 0;  // bytes hashed so far
};

// The hex SHA-256 digest of data.
std::string Sha256Hex(std::string_view data);

}  // namespace sshdiag

#endif  // SSHDIAG_SHA256_H_
