#pragma once

#include <doctest/doctest.h>

#include <string>

#include "plantrack/core/date.hpp"
#include "plantrack/core/state.hpp"

// Dates and periods written as text in tests; a typo fails the test instead of passing garbage.
namespace plantrack::core::test_values {

inline Date day(const char* text)
{
    const auto parsed = Date::parse(text);
    REQUIRE_MESSAGE(parsed.has_value(), text);
    return *parsed;
}

inline Period period(const char* text)
{
    const auto parsed = Period::parse(text);
    REQUIRE_MESSAGE(parsed.has_value(), text);
    return *parsed;
}

// An update reported by "tester".
inline Update update_of(const char* item, const char* date, Status status, int progress, Timestamp recorded_at = 0,
                        std::int64_t sequence = 0, std::string note = {})
{
    Update u;
    u.item_id = item;
    u.date = day(date);
    u.status = status;
    u.progress = progress;
    u.note = std::move(note);
    u.by = "tester";
    u.recorded_at = recorded_at;
    u.sequence = sequence;
    return u;
}

} // namespace plantrack::core::test_values
