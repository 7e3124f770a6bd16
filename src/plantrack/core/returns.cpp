#include "plantrack/core/returns.hpp"

#include <date/date.h>
#include <date/iso_week.h>
#include <fmt/format.h>

#include "plantrack/util/text.hpp"

namespace plantrack::core {

namespace {

ReturnPeriod month_of(int year, unsigned month)
{
    const auto first = Date::from_ymd(year, month, 1);
    const auto next = month == 12 ? Date::from_ymd(year + 1, 1, 1) : Date::from_ymd(year, month + 1, 1);
    return {fmt::format("{:04}-{:02}", year, month), first, next.plus_days(-1)};
}

ReturnPeriod week_of(int year, unsigned week)
{
    const iso_week::year_weeknum_weekday monday{iso_week::year{year}, iso_week::weeknum{week}, iso_week::mon};
    const auto first = Date::from_days(static_cast<int>(date::sys_days{monday}.time_since_epoch().count()));
    return {fmt::format("{:04}-W{:02}", year, week), first, first.plus_days(6)};
}

ReturnPeriod of_period(const Period& period)
{
    return {period.to_string(), period.first_day(), period.last_day()};
}

} // namespace

std::optional<ReturnPeriod> ReturnPeriod::parse(std::string_view text)
{
    if (text.size() == 7 && text[4] == '-') {
        const auto year = util::parse_integer(text.substr(0, 4), 1900, 9999);
        const auto month = util::parse_integer(text.substr(5, 2), 1, 12);
        if (!year || !month || text[5] < '0' || text[5] > '9') {
            return std::nullopt;
        }
        return month_of(static_cast<int>(*year), static_cast<unsigned>(*month));
    }
    if (text.size() == 8 && text[4] == '-' && (text[5] == 'W' || text[5] == 'w')) {
        const auto year = util::parse_integer(text.substr(0, 4), 1900, 9999);
        const auto week = util::parse_integer(text.substr(6, 2), 1, 53);
        if (!year || !week || text[6] < '0' || text[6] > '9') {
            return std::nullopt;
        }
        // Week 53 exists only in some years.
        const iso_week::year_weeknum checked{iso_week::year{static_cast<int>(*year)},
                                             iso_week::weeknum{static_cast<unsigned>(*week)}};
        if (!checked.ok()) {
            return std::nullopt;
        }
        return week_of(static_cast<int>(*year), static_cast<unsigned>(*week));
    }
    if (const auto period = Period::parse(text)) {
        return of_period(*period);
    }
    return std::nullopt;
}

ReturnPeriod ReturnPeriod::containing(std::string_view update_every, Date day)
{
    if (update_every == "week") {
        const iso_week::year_weeknum_weekday week{date::sys_days{date::days{day.days()}}};
        return week_of(static_cast<int>(week.year()), static_cast<unsigned>(week.weeknum()));
    }
    if (update_every == "quarter") {
        return of_period({Period::Kind::quarter, day.year(), static_cast<int>((day.month() - 1) / 3 + 1)});
    }
    return month_of(day.year(), day.month());
}

bool is_open_in(const Item& item, const ItemState& before, const ReturnPeriod& period)
{
    return !item.withdrawn && item.start <= period.last && before.status != Status::done &&
           before.status != Status::cancelled;
}

bool owes_return(const Item& item, const ItemState& before, int updates_in_period, const ReturnPeriod& period)
{
    return is_open_in(item, before, period) && updates_in_period == 0;
}

} // namespace plantrack::core
