#include "spare_core.h"

#include <atomic>
#include <memory>

#if defined(__linux__)
#include <pthread.h>
#include <sched.h>
#endif

namespace sshdiag {

namespace {

#if defined(__linux__)
// Restricts t to the cores in allowed (the caller's) but the caller's
// current one. t must not have ended: glibc applies the mask of an
// ended thread to the caller instead.
void MoveOffThisCore(std::thread& t, const cpu_set_t& allowed) {
  const int here = sched_getcpu();
  if (here < 0 || here >= CPU_SETSIZE || !CPU_ISSET(here, &allowed)) return;
  cpu_set_t others = allowed;
  CPU_CLR(here, &others);
  if (CPU_COUNT(&others) == 0) return;
  pthread_setaffinity_np(t.native_handle(), sizeof others, &others);
}
#endif

}  // namespace

std::thread StartOnSpareCores(std::function<void()> body, SpareCores how) {
  // The thread waits at the gate until it has been moved, so that it cannot
  // have ended by then. The wait is the few instructions between starting
  // it and moving it.
  auto gate = std::make_shared<std::atomic<bool>>(false);
#if defined(__linux__)
  cpu_set_t allowed;
  CPU_ZERO(&allowed);
  const bool known = sched_getaffinity(0, sizeof allowed, &allowed) == 0;
  std::thread t([gate, body = std::move(body), allowed, give_back = known && how == SpareCores::kToStart] {
    while (!gate->load(std::memory_order_acquire)) std::this_thread::yield();
    if (give_back) pthread_setaffinity_np(pthread_self(), sizeof allowed, &allowed);
    body();
  });
  if (known) MoveOffThisCore(t, allowed);
#else
  (void)how;
  std::thread t([gate, body = std::move(body)] {
    while (!gate->load(std::memory_order_acquire)) std::this_thread::yield();
    body();
  });
#endif
  gate->store(true, std::memory_order_release);
  return t;
}

}  // namespace sshdiag
