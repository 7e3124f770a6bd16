// libFuzzer target: the date, period, timestamp and number parsers. Whatever they accept must
// print back to text that they accept again as the same value.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "plantrack/core/date.hpp"
#include "plantrack/util/text.hpp"

namespace {

void require(bool condition)
{
    if (!condition) {
        __builtin_trap();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    namespace core = plantrack::core;
    namespace util = plantrack::util;
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    if (const auto date = core::Date::parse(text)) {
        const auto again = core::Date::parse(date->to_string());
        require(again && *again == *date);
        (void)date->plus_days(1).to_string();
    }
    if (const auto period = core::Period::parse(text)) {
        const auto again = core::Period::parse(period->to_string());
        require(again && *again == *period);
        require(period->first_day() <= period->last_day());
        (void)period->previous().to_string();
    }
    if (const auto stamp = core::parse_timestamp(text)) {
        const auto again = core::parse_timestamp(core::format_timestamp(*stamp));
        require(again && *again == *stamp);
    }
    if (const auto value = util::parse_integer(text, 0, 100)) {
        require(*value >= 0 && *value <= 100);
    }
    (void)util::parse_integer(text, -36600, 36600);
    (void)util::parse_integer(text, INT64_MIN, INT64_MAX);
    if (const auto number = util::parse_number(text)) {
        require(std::isfinite(*number));
        (void)util::format_number(*number);
        (void)util::format_rounded(*number, 2);
        (void)util::format_one_decimal(*number);
    }
    return 0;
}
