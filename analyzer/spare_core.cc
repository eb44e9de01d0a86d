#include "spare_core.h"

#if defined(__linux__)
#include <pthread.h>
#include <sched.h>
#endif

namespace sshdiag {

bool MoveToSpareCores(std::thread& t) {
#if defined(__linux__)
  if (!t.joinable()) return false;
  cpu_set_t allowed;
  if (sched_getaffinity(0, sizeof allowed, &allowed) != 0) return false;
  const int here = sched_getcpu();
  if (here < 0 || here >= CPU_SETSIZE || !CPU_ISSET(here, &allowed)) return false;
  CPU_CLR(here, &allowed);
  if (CPU_COUNT(&allowed) == 0) return false;
  return pthread_setaffinity_np(t.native_handle(), sizeof allowed, &allowed) == 0;
#else
  (void)t;
  return false;
#endif
}

}  // namespace sshdiag
