#include "output_words.h"

#include <cstdlib>

#include <catch2/catch.hpp>

using namespace sshdiag;

namespace {

std::vector<PhaseStep> Steps(std::vector<StepState> states, std::vector<std::optional<double>> seconds = {}) {
  std::vector<PhaseStep> steps;
  for (size_t i = 0; i < states.size(); ++i) {
    PhaseStep s;
    s.phase = StripPhases()[i];
    s.state = states[i];
    if (i < seconds.size()) s.seconds = seconds[i];
    steps.push_back(s);
  }
  return steps;
}

}  // namespace

TEST_CASE("The strip line names each phase with its symbol, Unicode or ASCII", "[output_words]") {
  using S = StepState;
  auto steps = Steps({S::kPassed, S::kPassed, S::kPassed, S::kStopped, S::kNotReached, S::kNotReached, S::kNotReached});
  CHECK(PhaseStripLine(steps, "en", true) ==
        "resolve \u2713  connect \u2713  banner \u2713  kex \u2717  hostkey \u00b7  auth \u00b7  session \u00b7");
  CHECK(PhaseStripLine(steps, "en", false) ==
        "resolve ok  connect ok  banner ok  kex FAILED  hostkey -  auth -  session -");
  CHECK(PhaseStripLine(steps, "ja", true).rfind("名前解決 \u2713  接続 \u2713", 0) == 0);
  auto hang = Steps({S::kPassed, S::kPassed, S::kEnded, S::kUnknown, S::kUnknown, S::kUnknown, S::kUnknown});
  CHECK(PhaseStripLine(hang, "en", false) == "resolve ok  connect ok  banner ...  kex ?  hostkey ?  auth ?  session ?");
}

TEST_CASE("The strip line gives the time since the previous timed phase", "[output_words]") {
  using S = StepState;
  auto steps = Steps({S::kPassed, S::kPassed, S::kPassed, S::kPassed, S::kPassed, S::kStopped, S::kNotReached},
                     {std::nullopt, 0.0, 0.3, std::nullopt, 1.6, 31.0});
  CHECK(PhaseStripLine(steps, "en", false) ==
        "resolve ok  connect ok  banner ok +0.3s  kex ok  hostkey ok +1.3s  auth FAILED +29s  session -");
}

TEST_CASE("Levels, outcomes, statuses and remedy places come from the catalogue", "[output_words]") {
  CHECK(std::string(LevelLabel(Level::kLikely, "en")) == "likely");
  CHECK(std::string(LevelLabel(Level::kLikely, "ja")) == "可能性が高い");
  CHECK(std::string(OutcomeLabel(Outcome::kFailed, "ja")) == "失敗");
  CHECK(std::string(StatusLabel(Status::kDiagnosed, "en")) == "diagnosed");
  CHECK(WhereLabel("client", "ja") == "クライアント");
  CHECK(WhereLabel("elsewhere", "ja") == "elsewhere");
  CHECK(std::string(PhaseLabel(Phase::kHostKey, "en")) == "hostkey");
}

TEST_CASE("UTF-8 is taken from the first locale variable set", "[output_words]") {
  const char* saved[3];
  const char* names[3] = {"LC_ALL", "LC_CTYPE", "LANG"};
  std::string keep[3];
  for (int i = 0; i < 3; ++i) {
    saved[i] = std::getenv(names[i]);
    if (saved[i]) keep[i] = saved[i];
  }
  ::unsetenv("LC_ALL");
  ::unsetenv("LC_CTYPE");
  ::setenv("LANG", "en_US.UTF-8", 1);
  CHECK(EnvironmentIsUtf8());
  ::setenv("LC_CTYPE", "C", 1);
  CHECK_FALSE(EnvironmentIsUtf8());  // LC_CTYPE comes before LANG
  ::setenv("LC_ALL", "ja_JP.utf8", 1);
  CHECK(EnvironmentIsUtf8());
  ::unsetenv("LC_ALL");
  ::unsetenv("LC_CTYPE");
  ::unsetenv("LANG");
  CHECK_FALSE(EnvironmentIsUtf8());
  for (int i = 0; i < 3; ++i) {
    if (saved[i]) ::setenv(names[i], keep[i].c_str(), 1);
  }
}
