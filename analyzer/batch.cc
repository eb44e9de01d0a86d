#include "batch.h"

#include <algorithm>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>

namespace sshdiag {

std::vector<std::string> ExpandBatchInputs(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  for (const auto& path : paths) {
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
      out.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    for (fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec)) {
      std::error_code type_ec;
      if (it->is_regular_file(type_ec)) found.push_back(it->path().string());
    }
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

void RunBatch(const std::vector<std::string>& items, const BatchOptions& options,
              const std::function<std::string(size_t index, const std::string& item)>& analyse,
              const std::function<void(size_t index, const std::string& record)>& write) {
  const size_t jobs = static_cast<size_t>(std::max(1, options.jobs));
  // Records finished ahead of the next one to write wait here; a worker does
  // not start an item more than `window` ahead of it (memory stays bounded
  // when one log is slow).
  const size_t window = 4 * jobs;
  std::mutex mu;
  std::condition_variable cv;
  std::map<size_t, std::string> ready;
  size_t next_item = 0, next_write = 0;
  auto worker = [&] {
    for (;;) {
      size_t index;
      {
        std::unique_lock<std::mutex> lock(mu);
        cv.wait(lock, [&] { return next_item >= items.size() || next_item < next_write + window; });
        if (next_item >= items.size()) return;
        index = next_item++;
      }
      std::string record = analyse(index, items[index]);
      {
        std::lock_guard<std::mutex> lock(mu);
        ready.emplace(index, std::move(record));
      }
      cv.notify_all();
    }
  };
  std::vector<std::thread> threads;
  for (size_t i = 0; i < std::min(jobs, items.size()); ++i) threads.emplace_back(worker);
  while (next_write < items.size()) {
    std::string record;
    {
      std::unique_lock<std::mutex> lock(mu);
      cv.wait(lock, [&] { return ready.count(next_write) > 0; });
      auto it = ready.find(next_write);
      record = std::move(it->second);
      ready.erase(it);
    }
    write(next_write, record);
    {
      std::lock_guard<std::mutex> lock(mu);
      ++next_write;
    }
    cv.notify_all();
    if (options.progress) options.progress(next_write, items.size());
  }
  for (auto& t : threads) t.join();
}

}  // namespace sshdiag
