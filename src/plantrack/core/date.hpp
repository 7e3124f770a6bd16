#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace plantrack::core {

// A calendar day (proleptic Gregorian), held as days since 1970-01-01.
class Date
{
public:
    constexpr Date() = default;
    static Date from_days(int days_since_epoch);
    static Date from_ymd(int year, unsigned month, unsigned day);

    // Strict ISO "YYYY-MM-DD" of a real day (so 2024-02-30 is refused); years 1900–9999.
    static std::optional<Date> parse(std::string_view text);

    int days() const { return m_days; }
    int year() const;
    unsigned month() const;
    unsigned day() const;
    std::string to_string() const;

    Date plus_days(int count) const { return from_days(m_days + count); }
    friend int operator-(Date a, Date b) { return a.m_days - b.m_days; }
    friend auto operator<=>(Date, Date) = default;

private:
    int m_days = 0;
};

// A reporting period: a year ("2024"), a half-year ("2024H1") or a quarter ("2024Q2").
struct Period
{
    enum class Kind { year, half, quarter };
    Kind kind = Kind::year;
    int year = 0;
    int index = 1; // 1–2 for halves, 1–4 for quarters, 1 for years

    static std::optional<Period> parse(std::string_view text);
    static Period of_year(int year) { return {Kind::year, year, 1}; }

    Date first_day() const;
    Date last_day() const;
    Period previous() const;
    std::string to_string() const;
    friend bool operator==(const Period&, const Period&) = default;
};

// Milliseconds since the Unix epoch, UTC: when an update was recorded.
using Timestamp = std::int64_t;

// ISO 8601 "2024-07-05T01:02:03.123Z".
std::string format_timestamp(Timestamp milliseconds);

// ISO 8601 with "Z" or an offset ("2024-07-05T09:02:03+08:00"), seconds and fraction optional;
// a date alone means the end of that day in UTC.
std::optional<Timestamp> parse_timestamp(std::string_view text);

} // namespace plantrack::core

template <>
struct fmt::formatter<plantrack::core::Date> : fmt::formatter<std::string_view>
{
    auto format(plantrack::core::Date date, format_context& ctx) const
    {
        return fmt::formatter<std::string_view>::format(date.to_string(), ctx);
    }
};
