#include "listen_address.h"

#include <arpa/inet.h>

#include <cstring>

namespace sshdiag {

ListenAddress ParseListenAddress(std::string_view text) {
  ListenAddress result;
  std::string_view host, port;
  if (!text.empty() && text.front() == '[') {
    const size_t close = text.find(']');
    if (close == std::string_view::npos || close + 1 >= text.size() || text[close + 1] != ':') {
      result.error = "expected [IPV6]:PORT, e.g. [::1]:8022";
      return result;
    }
    host = text.substr(1, close - 1);
    port = text.substr(close + 2);
    in6_addr v6;
    if (inet_pton(AF_INET6, std::string(host).c_str(), &v6) != 1) {
      result.error = "not an IPv6 address in brackets: " + std::string(host);
      return result;
    }
  } else {
    const size_t colon = text.rfind(':');
    if (colon == std::string_view::npos) {
      result.error = "expected ADDR:PORT, e.g. 127.0.0.1:8022";
      return result;
    }
    host = text.substr(0, colon);
    port = text.substr(colon + 1);
    if (host.find(':') != std::string_view::npos) {
      result.error = "an IPv6 address goes in brackets: [" + std::string(host) + "]:" + std::string(port);
      return result;
    }
  }
  if (host.empty()) {
    result.error = "no address before the port (use 127.0.0.1:PORT for this machine only)";
    return result;
  }
  if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string_view::npos) {
    result.error = "the port must be a number from 0 to 65535, not '" + std::string(port) + "'";
    return result;
  }
  const int number = std::stoi(std::string(port));
  if (number > 65535) {
    result.error = "the port must be a number from 0 to 65535, not '" + std::string(port) + "'";
    return result;
  }
  result.host = std::string(host);
  result.port = number;
  return result;
}

bool IsLoopbackHost(std::string_view host) {
  if (host == "localhost") return true;
  const std::string h(host);
  in_addr v4;
  if (inet_pton(AF_INET, h.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  in6_addr v6;
  if (inet_pton(AF_INET6, h.c_str(), &v6) == 1) {
    static const in6_addr loopback = IN6ADDR_LOOPBACK_INIT;
    return std::memcmp(&v6, &loopback, sizeof v6) == 0;
  }
  return false;
}

std::string HttpUrl(const std::string& host, int port) {
  const bool v6 = host.find(':') != std::string::npos;
  return "http://" + (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port) + "/";
}

}  // namespace sshdiag
