// Starting a helper thread on a core its creator is not running on.
#ifndef SSHDIAG_SPARE_CORE_H_
#define SSHDIAG_SPARE_CORE_H_

#include <functional>
#include <thread>

namespace sshdiag {

// Where a thread started by StartOnSpareCores may run once it has started.
enum class SpareCores {
  // Anywhere allowed: for a thread that runs until it ends, which the
  // scheduler may then move to its creator's core when the creator waits.
  kToStart,
  // Off that core for good: for a thread that sleeps and wakes many times
  // (each wake-up is placed as a start is).
  kForLife,
};

// Starts body on a new thread restricted to the cores this process may use
// other than the one the calling thread runs on now, so that it starts at
// once beside the caller rather than behind it; then, with kToStart, lets it
// run on any allowed core. Where there is no other core (one allowed core,
// or no way to tell), the thread may run anywhere. Throws std::system_error
// when no thread can be started, as std::thread does.
//
// Why: Linux may leave a new thread on its creator's core until it next
// balances the load, and an idle core balances late. On this project's
// 2-vCPU machine, a thread started after 10 ms idle by a creator then busy
// for 2 ms began 1.6-1.7 ms later on average (most of them only once the
// creator paused), and 80-110 us later when started here
// (BM_HelperThreadStart in bench/micro.cc, bench/README.md). sshdiag's
// helpers live for a few milliseconds, so that delay was most of what they
// could save.
std::thread StartOnSpareCores(std::function<void()> body, SpareCores how);

}  // namespace sshdiag

#endif  // SSHDIAG_SPARE_CORE_H_
