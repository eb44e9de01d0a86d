#include "line_time.h"

#include <cmath>
#include <cstdlib>
#include <string>

#include <re2/re2.h>

namespace sshdiag {

namespace {

// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
long DaysFromCivil(long y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

double ClockSeconds(const re2::StringPiece& h, const re2::StringPiece& m, const re2::StringPiece& s,
                    const re2::StringPiece& frac) {
  double t = std::atoi(std::string(h.data(), h.size()).c_str()) * 3600.0 +
             std::atoi(std::string(m.data(), m.size()).c_str()) * 60.0 +
             std::atoi(std::string(s.data(), s.size()).c_str());
  if (frac.size() > 1) t += std::atof(("0." + std::string(frac.data() + 1, std::min<size_t>(frac.size() - 1, 9))).c_str());
  return t;
}

int Number(const re2::StringPiece& p) { return std::atoi(std::string(p.data(), p.size()).c_str()); }

// The three scales ParseLineTime returns: clock times lie in the first day,
// month-day times in the year 2000, ISO-8601 dates anywhere else.
enum class TimeForm { kClock, kMonthDay, kDate };

TimeForm FormOf(double t) {
  static const double kYear2000 = DaysFromCivil(2000, 1, 1) * 86400.0;
  static const double kYear2001 = DaysFromCivil(2001, 1, 1) * 86400.0;
  if (t < 86400.0) return TimeForm::kClock;
  if (t >= kYear2000 && t < kYear2001) return TimeForm::kMonthDay;
  return TimeForm::kDate;
}

}  // namespace

double AlignTime(double t, double reference) {
  if (FormOf(t) == FormOf(reference)) return t;
  return t + std::round((reference - t) / 86400.0) * 86400.0;
}

std::optional<double> ParseLineTime(std::string_view text) {
  static const RE2 kIso(R"(^\[?(\d{4})-(\d{2})-(\d{2})[ Tt](\d{2}):(\d{2}):(\d{2})([.,]\d+)?([Zz]|([+-])(\d{2}):?(\d{2}))?)");
  static const RE2 kMonth(R"(^([A-Z][a-z]{2}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2})([.,]\d+)?)");
  static const RE2 kClock(R"(^\[?(\d{2}):(\d{2}):(\d{2})([.,]\d+)?)");
  re2::StringPiece in(text.data(), std::min<size_t>(text.size(), 64));
  re2::StringPiece y, mo, d, h, mi, s, frac, zone, sign, zh, zm;
  if (RE2::PartialMatch(in, kIso, &y, &mo, &d, &h, &mi, &s, &frac, &zone, &sign, &zh, &zm)) {
    int month = Number(mo), day = Number(d);
    if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
    double t = DaysFromCivil(Number(y), static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400.0 +
               ClockSeconds(h, mi, s, frac);
    if (!sign.empty()) t -= (sign[0] == '-' ? -1 : 1) * (Number(zh) * 3600.0 + Number(zm) * 60.0);
    return t;
  }
  re2::StringPiece mon;
  if (RE2::PartialMatch(in, kMonth, &mon, &d, &h, &mi, &s, &frac)) {
    static const char kMonths[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    std::string_view months(kMonths);
    size_t at = months.find(std::string_view(mon.data(), mon.size()));
    int day = Number(d);
    if (at == std::string_view::npos || at % 3 != 0 || day < 1 || day > 31) return std::nullopt;
    return DaysFromCivil(2000, static_cast<unsigned>(at / 3 + 1), static_cast<unsigned>(day)) * 86400.0 +
           ClockSeconds(h, mi, s, frac);
  }
  if (RE2::PartialMatch(in, kClock, &h, &mi, &s, &frac)) return ClockSeconds(h, mi, s, frac);
  return std::nullopt;
}

}  // namespace sshdiag
