// A compiled cache of the data files: what parsing the signature, knowledge-base,
// failure-line and phase-table files produced (the structs, their load issues
// and the hash the signature set's fingerprint is made from), in a binary file
// that the next run reads instead of parsing JSON and checking every pattern
// again. The files stay the source of truth: the cache is keyed by every
// file's path, size, times and inode, the list of each layer directory, the
// cache format and the program itself, so any change to them makes a new run
// parse the files and write the cache anew. Compiled RE2 objects are not kept:
// they are compiled on load or on first use, as before.
//
// The file is untrusted bytes: every read is bounds-checked, every count and
// length limited, the whole checksummed; anything wrong means "no cache".
// Nothing here is ever fatal: a cache that cannot be read or written only
// costs the parse.
#ifndef SSHDIAG_DATA_CACHE_H_
#define SSHDIAG_DATA_CACHE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "failure_lines.h"
#include "knowledge_base.h"
#include "phase_table.h"
#include "signature.h"

namespace sshdiag {

// The version of the cache's binary layout; part of the key. Bump it with
// any change to what the Write/Read functions below write or to what the
// parsed structs mean.
constexpr uint32_t kDataCacheFormat = 3;

// Where the data comes from: the built-in data directory (its failures/
// files) and the signature and KB layer directories, in load order.
struct DataSources {
  std::string data_dir;
  std::vector<std::string> signature_layers;
  std::vector<std::string> kb_layers;
};

// A failure-lines file as parsed: its lists (FailureLines::kListNames order) and issues.
struct ParsedFailureLines {
  std::vector<std::vector<FailurePattern>> lists;
  std::vector<LoadIssue> issues;
};

// A phase table as parsed.
struct ParsedPhaseTable {
  std::vector<PhaseMarker> markers;
  std::vector<LoadIssue> issues;
};

// Everything LoadData reads from the files, before anything is compiled.
struct ParsedData {
  SignatureSet::Parsed signatures;
  std::map<std::string, Article> articles;
  std::vector<LoadIssue> kb_issues;
  ParsedFailureLines client_failures, server_failures;  // failures/client.json, failures/server.json
  ParsedPhaseTable phases;                              // failures/phases.json
};

// The cache directory in force: "" (no cache) when disabled by
// DisableDataCache() or SSHDIAG_CACHE_DIR=off, else $SSHDIAG_CACHE_DIR, else
// $XDG_CACHE_HOME/sshdiag, else $HOME/.cache/sshdiag, else "".
std::string DataCacheDir();

// Turns the cache off for this process (`--no-cache`).
void DisableDataCache();

// The cache file for these sources in dir: one per data directory and layer
// list, so that runs with other layers do not overwrite each other's.
std::string DataCachePath(const std::string& dir, const DataSources& sources);

// The validity key of sources as they are now: stat() only, no file read.
// Sets *settled to false when a file changed in the last two seconds (its
// times may not yet tell a further change apart: such data is not cached).
std::string DataCacheKey(const DataSources& sources, bool* settled = nullptr);

// Reads the cache file at path into *out when it is a regular file of this
// user's, intact, and written for key; false otherwise (missing, another
// user's, damaged, stale, other program), with *why saying which when given.
bool ReadDataCache(const std::string& path, const std::string& key, ParsedData* out, std::string* why = nullptr);
// The same answer, with the key worked out by key_of() on another core while
// the file is read and decoded (DataCacheKey's few hundred stat() calls took
// a third as long as the decoding), and set in *key. A stale file is decoded
// for nothing: that happens once after each change of the data. Without
// examples, the signatures' examples are passed over, not decoded (a
// diagnosis never reads them: a quarter of the decoding).
bool ReadDataCache(const std::string& path, const std::function<std::string()>& key_of, std::string* key,
                   bool examples, ParsedData* out, std::string* why = nullptr);

// Writes data under key to path atomically (a temporary file renamed over
// it), creating the directory. False when it cannot (the cache is then just absent).
bool WriteDataCache(const std::string& path, const std::string& key, const ParsedData& data);

// The cache file's bytes for key and data, and their inverse: what
// WriteDataCache and ReadDataCache use (exposed for tests). The file is a
// header (magic, format, payload size, DataCacheChecksum of the payload)
// and the payload: the key, then the data.
std::string EncodeDataCache(const std::string& key, const ParsedData& data);
bool DecodeDataCache(std::string_view bytes, const std::string& key, ParsedData* out, std::string* why = nullptr);
constexpr size_t kDataCacheHeaderBytes = 28;
uint64_t DataCacheChecksum(std::string_view payload);
// Reads a payload alone, whatever its key (set in *key): the reader that
// meets the bytes once the header and checksum passed (the fuzz target's).
bool DecodeDataCachePayload(std::string_view payload, std::string* key, ParsedData* out);

// How many cache files a directory keeps: writing one removes the oldest
// others beyond this (each data directory and layer list has its own).
constexpr size_t kDataCacheMaxFiles = 8;

}  // namespace sshdiag

#endif  // SSHDIAG_DATA_CACHE_H_
