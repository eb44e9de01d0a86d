// Starting a helper thread on a core its creator is not running on.
#ifndef SSHDIAG_SPARE_CORE_H_
#define SSHDIAG_SPARE_CORE_H_

#include <thread>

namespace sshdiag {

// Restricts thread t to the cores this process may use other than the one
// the calling thread runs on now, so that it starts at once beside the
// caller rather than behind it. Returns false, changing nothing, when there
// is no other core (one allowed core, or no way to tell) or t is not
// running.
//
// Why: Linux puts a new or woken thread on its waker's core and moves it to
// an idle one only when it next balances the load. On this project's
// 2-vCPU machine a thread started while its creator was busy began a median
// 1.1 ms later (p90 2 ms); moved at once, 40-80 us (p90 0.1 ms): see
// bench/README.md. sshdiag's helpers live for a few milliseconds, so that
// delay was most of what they could save.
//
// The restriction lasts as long as the thread: meant for the short-lived
// helpers of one run (a set's builder, the compile-ahead of one log).
bool MoveToSpareCores(std::thread& t);

}  // namespace sshdiag

#endif  // SSHDIAG_SPARE_CORE_H_
