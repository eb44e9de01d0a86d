#include "spare_core.h"

#include <catch2/catch.hpp>

#include <pthread.h>
#include <sched.h>

#include <future>
#include <thread>

namespace sshdiag {
namespace {

cpu_set_t AffinityOf(std::thread& t) {
  cpu_set_t set;
  CPU_ZERO(&set);
  REQUIRE(pthread_getaffinity_np(t.native_handle(), sizeof set, &set) == 0);
  return set;
}

// A thread that waits until the test lets it go.
struct Waiting {
  std::promise<void> go;
  std::thread thread{[f = go.get_future()]() mutable { f.wait(); }};
  ~Waiting() {
    go.set_value();
    thread.join();
  }
};

}  // namespace

TEST_CASE("MoveToSpareCores keeps a thread off one core of the allowed ones", "[spare_core]") {
  cpu_set_t allowed;
  REQUIRE(sched_getaffinity(0, sizeof allowed, &allowed) == 0);
  if (CPU_COUNT(&allowed) < 2) {
    WARN("one allowed core: only the refusal is checked");
  } else {
    Waiting w;
    CHECK(MoveToSpareCores(w.thread));
    cpu_set_t moved = AffinityOf(w.thread);
    CHECK(CPU_COUNT(&moved) == CPU_COUNT(&allowed) - 1);
    cpu_set_t outside;
    CPU_XOR(&outside, &moved, &allowed);  // the one left out, as moved is within allowed
    CHECK(CPU_COUNT(&outside) == 1);
  }
  SECTION("no other core: unchanged") {
    // This thread on one core; a thread it starts inherits that.
    int here = sched_getcpu();
    REQUIRE(here >= 0);
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(here, &one);
    REQUIRE(pthread_setaffinity_np(pthread_self(), sizeof one, &one) == 0);
    {
      Waiting w;
      CHECK_FALSE(MoveToSpareCores(w.thread));
      cpu_set_t kept = AffinityOf(w.thread);
      CHECK(CPU_EQUAL(&kept, &one));
    }
    REQUIRE(pthread_setaffinity_np(pthread_self(), sizeof allowed, &allowed) == 0);
  }
  SECTION("no thread") {
    std::thread none;
    CHECK_FALSE(MoveToSpareCores(none));
  }
}

}  // namespace sshdiag
