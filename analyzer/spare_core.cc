#include "spare_core.h"

#include <atomic>
#include <memory>

#if defined(__linux__)
#include <pthread.h>
#include <sched.h>
#endif

namespace sshdiag {

namespace {

// Restricts t to the allowed cores but the caller's. t must not have ended:
// glibc applies the mask of an ended thread to the caller instead.
void MoveOffThisCore(std::thread& t) {
#if defined(__linux__)
  cpu_set_t allowed;
  if (sched_getaffinity(0, sizeof allowed, &allowed) != 0) return;
  const int here = sched_getcpu();
  if (here < 0 || here >= CPU_SETSIZE || !CPU_ISSET(here, &allowed)) return;
  CPU_CLR(here, &allowed);
  if (CPU_COUNT(&allowed) == 0) return;
  pthread_setaffinity_np(t.native_handle(), sizeof allowed, &allowed);
#else
  (void)t;
#endif
}

}  // namespace

std::thread StartOnSpareCores(std::function<void()> body) {
  // The thread waits at the gate until it has been moved, so that it cannot
  // have ended by then. The wait is the few instructions between starting
  // it and moving it.
  auto gate = std::make_shared<std::atomic<bool>>(false);
  std::thread t([gate, body = std::move(body)] {
    while (!gate->load(std::memory_order_acquire)) std::this_thread::yield();
    body();
  });
  MoveOffThisCore(t);
  gate->store(true, std::memory_order_release);
  return t;
}

}  // namespace sshdiag
