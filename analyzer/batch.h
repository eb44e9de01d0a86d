// Batch mode (`sshdiag --batch DIR|FILE...`): many logs, each analysed on its
// own, on several threads, with one output record per log in a fixed order.
#ifndef SSHDIAG_BATCH_H_
#define SSHDIAG_BATCH_H_

#include <functional>
#include <string>
#include <vector>

namespace sshdiag {

// The logs that paths name, in the order they are given: a file as it is, a
// directory as every regular file below it (recursively) sorted by path so
// that the order does not depend on the file system. A path that is neither
// is kept as it is: analysing it reports it as unreadable.
std::vector<std::string> ExpandBatchInputs(const std::vector<std::string>& paths);

struct BatchOptions {
  int jobs = 1;  // worker threads; < 1 counts as 1
  // Called on the writing thread after each record is written, with how many
  // are done and how many there are (progress display); may be empty.
  std::function<void(size_t done, size_t total)> progress;
};

// Calls analyse(index, item) for every item, on options.jobs threads at once, and
// write(index, record) on the calling thread for each result in the order of
// items, as soon as the records before it are written. analyse must be safe
// to call from several threads. At most a few records per thread wait to be
// written, so memory does not grow with the number of items.
void RunBatch(const std::vector<std::string>& items, const BatchOptions& options,
              const std::function<std::string(size_t index, const std::string& item)>& analyse,
              const std::function<void(size_t index, const std::string& record)>& write);

}  // namespace sshdiag

#endif  // SSHDIAG_BATCH_H_
