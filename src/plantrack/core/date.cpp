#include "plantrack/core/date.hpp"

#include <charconv>
#include <date/date.h>

namespace plantrack::core {

namespace {

date::year_month_day to_ymd(int days)
{
    return date::year_month_day{date::sys_days{date::days{days}}};
}

// Reads exactly `width` ASCII digits at `text[offset]`.
std::optional<int> digits(std::string_view text, std::size_t offset, std::size_t width)
{
    if (offset + width > text.size()) {
        return std::nullopt;
    }
    int value = 0;
    for (std::size_t i = offset; i < offset + width; ++i) {
        if (text[i] < '0' || text[i] > '9') {
            return std::nullopt;
        }
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

} // namespace

Date Date::from_days(int days_since_epoch)
{
    Date date;
    date.m_days = days_since_epoch;
    return date;
}

Date Date::from_ymd(int year, unsigned month, unsigned day)
{
    const date::year_month_day ymd{date::year{year}, date::month{month}, date::day{day}};
    return from_days(static_cast<int>(date::sys_days{ymd}.time_since_epoch().count()));
}

std::optional<Date> Date::parse(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    const auto year = digits(text, 0, 4);
    const auto month = digits(text, 5, 2);
    const auto day = digits(text, 8, 2);
    if (!year || !month || !day || *year < 1900) {
        return std::nullopt;
    }
    const date::year_month_day ymd{date::year{*year}, date::month{static_cast<unsigned>(*month)},
                                   date::day{static_cast<unsigned>(*day)}};
    if (!ymd.ok()) {
        return std::nullopt;
    }
    return from_ymd(*year, static_cast<unsigned>(*month), static_cast<unsigned>(*day));
}

int Date::year() const
{
    return static_cast<int>(to_ymd(m_days).year());
}
unsigned Date::month() const
{
    return static_cast<unsigned>(to_ymd(m_days).month());
}
unsigned Date::day() const
{
    return static_cast<unsigned>(to_ymd(m_days).day());
}

std::string Date::to_string() const
{
    // One calendar conversion and no format parsing: this runs for every row of an import.
    const auto ymd = to_ymd(m_days);
    const int y = static_cast<int>(ymd.year());
    const auto m = static_cast<unsigned>(ymd.month());
    const auto d = static_cast<unsigned>(ymd.day());
    if (y < 0 || y > 9999) {
        return fmt::format("{:04}-{:02}-{:02}", y, m, d);
    }
    std::string text = "0000-00-00";
    text[0] = static_cast<char>('0' + y / 1000);
    text[1] = static_cast<char>('0' + y / 100 % 10);
    text[2] = static_cast<char>('0' + y / 10 % 10);
    text[3] = static_cast<char>('0' + y % 10);
    text[5] = static_cast<char>('0' + m / 10);
    text[6] = static_cast<char>('0' + m % 10);
    text[8] = static_cast<char>('0' + d / 10);
    text[9] = static_cast<char>('0' + d % 10);
    return text;
}

std::optional<Period> Period::parse(std::string_view text)
{
    const auto year = digits(text, 0, 4);
    if (!year || *year < 1900) {
        return std::nullopt;
    }
    if (text.size() == 4) {
        return Period{Kind::year, *year, 1};
    }
    if (text.size() != 6) {
        return std::nullopt;
    }
    const char marker = text[4];
    const int index = text[5] - '0';
    if ((marker == 'Q' || marker == 'q') && index >= 1 && index <= 4) {
        return Period{Kind::quarter, *year, index};
    }
    if ((marker == 'H' || marker == 'h') && index >= 1 && index <= 2) {
        return Period{Kind::half, *year, index};
    }
    return std::nullopt;
}

Date Period::first_day() const
{
    switch (kind) {
    case Kind::year:
        return Date::from_ymd(year, 1, 1);
    case Kind::half:
        return Date::from_ymd(year, index == 1 ? 1u : 7u, 1);
    case Kind::quarter:
        return Date::from_ymd(year, static_cast<unsigned>(3 * index - 2), 1);
    }
    return {};
}

Date Period::last_day() const
{
    switch (kind) {
    case Kind::year:
        return Date::from_ymd(year, 12, 31);
    case Kind::half:
        return index == 1 ? Date::from_ymd(year, 6, 30) : Date::from_ymd(year, 12, 31);
    case Kind::quarter: {
        const Period next = index == 4 ? Period{Kind::quarter, year + 1, 1} : Period{Kind::quarter, year, index + 1};
        return next.first_day().plus_days(-1);
    }
    }
    return {};
}

Period Period::previous() const
{
    const int count = kind == Kind::year ? 1 : (kind == Kind::half ? 2 : 4);
    if (index > 1) {
        return {kind, year, index - 1};
    }
    return {kind, year - 1, count};
}

std::string Period::to_string() const
{
    switch (kind) {
    case Kind::year:
        return fmt::format("{}", year);
    case Kind::half:
        return fmt::format("{}H{}", year, index);
    case Kind::quarter:
        return fmt::format("{}Q{}", year, index);
    }
    return {};
}

std::string format_timestamp(Timestamp milliseconds)
{
    auto days = milliseconds / 86'400'000;
    auto rest = milliseconds % 86'400'000;
    if (rest < 0) {
        rest += 86'400'000;
        --days;
    }
    const Date date = Date::from_days(static_cast<int>(days));
    return fmt::format("{}T{:02}:{:02}:{:02}.{:03}Z", date.to_string(), rest / 3'600'000, rest / 60'000 % 60,
                       rest / 1000 % 60, rest % 1000);
}

std::optional<Timestamp> parse_timestamp(std::string_view text)
{
    const auto date = Date::parse(text.substr(0, 10));
    if (!date) {
        return std::nullopt;
    }
    const Timestamp day_start = static_cast<Timestamp>(date->days()) * 86'400'000;
    if (text.size() == 10) {
        return day_start + 86'400'000 - 1;
    }
    if (text[10] != 'T' && text[10] != ' ') {
        return std::nullopt;
    }
    const auto hour = digits(text, 11, 2);
    const auto minute = text.size() > 13 && text[13] == ':' ? digits(text, 14, 2) : std::nullopt;
    if (!hour || !minute || *hour > 23 || *minute > 59) {
        return std::nullopt;
    }
    std::size_t pos = 16;
    int second = 0;
    int millis = 0;
    if (pos < text.size() && text[pos] == ':') {
        const auto s = digits(text, pos + 1, 2);
        if (!s || *s > 59) {
            return std::nullopt;
        }
        second = *s;
        pos += 3;
        if (pos < text.size() && text[pos] == '.') {
            ++pos;
            int scale = 100;
            const std::size_t start = pos;
            while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
                millis += (text[pos] - '0') * scale;
                scale /= 10;
                ++pos;
            }
            if (pos == start) {
                return std::nullopt;
            }
        }
    }
    Timestamp offset_ms = 0;
    if (pos < text.size() && text[pos] == 'Z' && pos + 1 == text.size()) {
        offset_ms = 0;
    } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-') && text.size() == pos + 6 &&
               text[pos + 3] == ':') {
        const auto oh = digits(text, pos + 1, 2);
        const auto om = digits(text, pos + 4, 2);
        if (!oh || !om || *oh > 23 || *om > 59) {
            return std::nullopt;
        }
        offset_ms = (static_cast<Timestamp>(*oh) * 60 + *om) * 60'000 * (text[pos] == '+' ? 1 : -1);
    } else {
        // A timestamp without a zone would mean different moments on different machines.
        return std::nullopt;
    }
    return day_start + ((static_cast<Timestamp>(*hour) * 60 + *minute) * 60 + second) * 1000 + millis - offset_ms;
}

} // namespace plantrack::core
