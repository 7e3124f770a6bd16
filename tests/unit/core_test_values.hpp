#pragma once

#include <doctest/doctest.h>

#include "plantrack/core/date.hpp"

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

} // namespace plantrack::core::test_values
