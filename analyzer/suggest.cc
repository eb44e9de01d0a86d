#include "suggest.h"

#include <algorithm>

namespace sshdiag {

namespace {

// Levenshtein distance, stopping early: ids are short (at most 64).
size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

}  // namespace

std::vector<std::string> ClosestNames(const std::string& name, const std::vector<std::string>& candidates, size_t n) {
  if (name.empty() || name.size() > 256) return {};
  const size_t limit = std::max<size_t>(2, name.size() / 3);
  std::vector<std::pair<size_t, std::string>> scored;
  for (const auto& c : candidates) {
    if (c.size() > 256) continue;
    size_t d = EditDistance(name, c);
    if (d <= limit) {
      scored.push_back({d, c});
    } else if (name.size() >= 3 && (c.find(name) != std::string::npos || name.find(c) != std::string::npos)) {
      scored.push_back({limit + 1 + (c.size() > name.size() ? c.size() - name.size() : name.size() - c.size()), c});
    }
  }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  for (const auto& [d, c] : scored) {
    if (out.size() == n) break;
    if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  }
  return out;
}

std::string DidYouMean(const std::string& name, const std::vector<std::string>& candidates) {
  auto close = ClosestNames(name, candidates);
  if (close.empty()) return "";
  std::string s = "; did you mean ";
  for (size_t i = 0; i < close.size(); ++i) {
    s += (i == 0 ? "" : i + 1 == close.size() ? " or " : ", ") + close[i];
  }
  return s + "?";
}

}  // namespace sshdiag
