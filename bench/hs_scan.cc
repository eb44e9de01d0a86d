// Peer for the benchmark: Hyperscan block mode over each line of a file, the
// same patterns (pcre flavor, one a line) as sshdiag. Prints how many lines
// hit at least one pattern. Patterns Hyperscan cannot compile are left out
// and counted on stderr. Usage: hs_scan PATTERNS FILE...
#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include <hs/hs.h>

namespace {

int OnMatch(unsigned int, unsigned long long, unsigned long long, unsigned int, void* context) {
  *static_cast<bool*>(context) = true;
  return 1;  // one hit is enough: stop scanning this line
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: hs_scan PATTERNS FILE...\n");
    return 2;
  }
  std::ifstream in(argv[1]);
  std::vector<std::string> patterns;
  std::string line;
  size_t skipped = 0;
  const unsigned flags = HS_FLAG_SINGLEMATCH | HS_FLAG_ALLOWEMPTY;
  while (std::getline(in, line)) {
    hs_database_t* db = nullptr;
    hs_compile_error_t* error = nullptr;
    if (hs_compile(line.c_str(), flags, HS_MODE_BLOCK, nullptr, &db, &error) != HS_SUCCESS) {
      hs_free_compile_error(error);
      ++skipped;
      continue;
    }
    hs_free_database(db);
    patterns.push_back(line);
  }
  if (skipped) std::fprintf(stderr, "hs_scan: %zu pattern(s) Hyperscan cannot compile were left out\n", skipped);
  std::vector<const char*> exprs;
  std::vector<unsigned> all_flags, ids;
  for (size_t i = 0; i < patterns.size(); ++i) {
    exprs.push_back(patterns[i].c_str());
    all_flags.push_back(flags);
    ids.push_back(static_cast<unsigned>(i));
  }
  hs_database_t* db = nullptr;
  hs_compile_error_t* error = nullptr;
  if (hs_compile_multi(exprs.data(), all_flags.data(), ids.data(), static_cast<unsigned>(exprs.size()), HS_MODE_BLOCK,
                       nullptr, &db, &error) != HS_SUCCESS) {
    std::fprintf(stderr, "hs_scan: %s\n", error->message);
    return 2;
  }
  hs_scratch_t* scratch = nullptr;
  if (hs_alloc_scratch(db, &scratch) != HS_SUCCESS) return 2;
  unsigned long long hit_lines = 0, lines = 0;
  std::vector<char> buf(1 << 20);
  for (int f = 2; f < argc; ++f) {
    int fd = open(argv[f], O_RDONLY);
    if (fd < 0) {
      std::perror(argv[f]);
      return 2;
    }
    size_t have = 0;
    for (;;) {
      ssize_t n = read(fd, buf.data() + have, buf.size() - have);
      if (n < 0) return 2;
      size_t end = have + static_cast<size_t>(n);
      size_t start = 0;
      for (;;) {
        const char* nl = static_cast<const char*>(std::memchr(buf.data() + start, '\n', end - start));
        if (!nl && n > 0) break;
        size_t stop = nl ? static_cast<size_t>(nl - buf.data()) : end;
        if (stop > start || nl) {
          bool hit = false;
          hs_scan(db, buf.data() + start, static_cast<unsigned>(stop - start), 0, scratch, OnMatch, &hit);
          hit_lines += hit;
          ++lines;
        }
        if (!nl) break;
        start = stop + 1;
      }
      if (n == 0) break;
      have = end - start;
      std::memmove(buf.data(), buf.data() + start, have);
      if (have == buf.size()) buf.resize(buf.size() * 2);  // a line longer than the buffer
    }
    close(fd);
  }
  std::printf("%llu of %llu lines hit\n", hit_lines, lines);
  hs_free_scratch(scratch);
  hs_free_database(db);
  return 0;
}
