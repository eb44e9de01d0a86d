// The time a logger put before a line: `ts`, syslog, journalctl, ISO-8601.
#ifndef SSHDIAG_LINE_TIME_H_
#define SSHDIAG_LINE_TIME_H_

#include <optional>
#include <string_view>

namespace sshdiag {

// The time a timestamp at the start of text stands for, in seconds on a
// scale common to the lines of one log: ISO-8601 dates with a clock time
// ("2026-12-06 03:40:06", "2026-12-06T03:40:06.123Z", "+01:00" zones taken
// into account, bracketed or not), month-day clock times as `ts`, syslog and
// journalctl print them ("Dec 06 03:40:06", "Dec  6 03:40:06.5"; the year is
// untold, so a log that crosses New Year reads wrong) and bare clock times
// ("03:40:06", "[03:40:06.25]", as `ts -s` or a chat prints them). Only
// differences between two times of the same form mean anything. Nothing when
// text does not start with one. Linear in the length of the timestamp.
std::optional<double> ParseLineTime(std::string_view text);

// t moved by whole days to lie nearest reference, when the two came from
// different forms of timestamp (a `ts` clock time beside a journal's month-day
// time, say): then only their clock times can be compared. Times of one form
// are returned as they are, their dates meaning the same. The form is told
// from the value's range, so an ISO-8601 date in the year 2000 reads as a
// month-day time.
double AlignTime(double t, double reference);

}  // namespace sshdiag

#endif  // SSHDIAG_LINE_TIME_H_
