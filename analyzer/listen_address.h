// The address `sshdiag serve --listen` binds: parsing ADDR:PORT and telling
// whether only this machine can reach it.
#ifndef SSHDIAG_LISTEN_ADDRESS_H_
#define SSHDIAG_LISTEN_ADDRESS_H_

#include <string>
#include <string_view>

namespace sshdiag {

struct ListenAddress {
  std::string host;  // as given, without the brackets of "[::1]"
  int port = 0;      // 0: the system picks a free port
  std::string error; // why the text is not an address, or ""
};

// Parses "HOST:PORT" or "[IPV6]:PORT" (PORT 0 to 65535; HOST a name, an IPv4
// address or, in brackets, an IPv6 address). On failure only error is set,
// and it names what is wrong.
ListenAddress ParseListenAddress(std::string_view text);

// True when host can only be reached from this machine: "localhost", an IPv4
// address in 127.0.0.0/8, or the IPv6 loopback (::1 in any spelling).
// Anything else (0.0.0.0, ::, a LAN address, another name) is false.
bool IsLoopbackHost(std::string_view host);

// "http://HOST:PORT/" with an IPv6 host in brackets.
std::string HttpUrl(const std::string& host, int port);

}  // namespace sshdiag

#endif  // SSHDIAG_LISTEN_ADDRESS_H_
