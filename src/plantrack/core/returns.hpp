#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "plantrack/core/date.hpp"
#include "plantrack/core/model.hpp"
#include "plantrack/core/state.hpp"

// The monthly loop of SPEC "Departments in the loop": the period a return covers, which items a
// department must report on in it, and which it has not.
namespace plantrack::core {

// A reporting period of returns: a month ("2024-10"), an ISO week ("2024-W05"), a quarter
// ("2024Q2"), a half-year ("2024H1") or a year ("2024"), with its first and last days.
struct ReturnPeriod
{
    std::string name;
    Date first;
    Date last;

    static std::optional<ReturnPeriod> parse(std::string_view text);
    // The period of the plan's `update_every` (month, week or quarter) that holds `day`.
    static ReturnPeriod containing(std::string_view update_every, Date day);
    friend bool operator==(const ReturnPeriod&, const ReturnPeriod&) = default;
};

// Whether an item is open in the period: not withdrawn, started by the period's end, and not
// done or cancelled before the period began (`before` is its state as of the day before).
bool is_open_in(const Item& item, const ItemState& before, const ReturnPeriod& period);

// Whether the item's lead owes a return for it: open in the period with no update dated within
// it (`updates_in_period` counts those).
bool owes_return(const Item& item, const ItemState& before, int updates_in_period, const ReturnPeriod& period);

} // namespace plantrack::core
