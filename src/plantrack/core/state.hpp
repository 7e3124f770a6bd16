#pragma once

#include <optional>
#include <span>
#include <variant>
#include <string>

#include "plantrack/core/date.hpp"
#include "plantrack/core/model.hpp"
#include "plantrack/core/status.hpp"

namespace plantrack::core {

// One append-only status report on an item.
struct Update
{
    std::string item_id;
    Date date;
    Status status = Status::not_started;
    int progress = 0;
    std::string note;
    std::string by;
    Timestamp recorded_at = 0;
    std::int64_t sequence = 0; // insertion order: breaks ties within one recorded millisecond
};

// An item's state as of a date: its latest update dated on or before that date.
struct ItemState
{
    Status status = Status::not_started;
    int progress = 0;
    std::optional<Date> last_update; // the date of the update the state comes from
    std::string note;
    std::int64_t sequence = 0; // the sequence of the update it comes from; 0 without one
};

// True if `a` is later than `b` in the order that decides an item's state: by date, then by
// recording time, then by insertion order.
bool is_later(const Update& a, const Update& b);

// The state of an item as of `as_of` from its updates (in any order). Without an update dated
// on or before `as_of`: not-started, progress 0.
ItemState state_as_of(std::span<const Update> updates, Date as_of);

// 100 × (as_of − start) / (due − start), clamped to 0–100.
double expected_progress(Date start, Date due, Date as_of);

// Due before `as_of`, not done, not cancelled.
bool is_overdue(const Item& item, const ItemState& state, Date as_of);

// Days past due as of `as_of` (0 when not overdue).
int days_overdue(const Item& item, const ItemState& state, Date as_of);

// No update for more than `stale_after_days`, counted from the last update or else from the
// item's start. An item not yet started, done or cancelled is never stale.
bool is_stale(const Item& item, const ItemState& state, const ReviewSettings& review, Date as_of);

// Days since the last update, or since the start when never updated.
int days_without_update(const Item& item, const ItemState& state, Date as_of);

// Progress behind the time-elapsed expectation by more than `behind_by` points.
bool is_behind(const Item& item, const ItemState& state, const ReviewSettings& review, Date as_of);

// The light of an item as of `as_of` (SPEC "Light").
Light light_of(const Item& item, const ItemState& state, const ReviewSettings& review, Date as_of);

// The last day of the reporting period `date` falls in, by the plan's `update_every`: its month,
// its quarter, or its 7-day week counted from 1 January (the year's last week ends 31 December).
Date reporting_period_end(Date date, const std::string& update_every);

// The index of that period within its year (0-based), so periods of a year can be counted.
int reporting_period_index(Date date, const std::string& update_every);

// The last day an update dated `date` is on time: `report_by_day` days after its period ends.
Date reporting_deadline(Date date, const ReviewSettings& review);

// The UTC day an update was recorded minus the day it is dated (its lag, in days).
int lag_days(const Update& update);

// Late (补报): recorded after the reporting deadline of the period it is dated in.
bool is_late(const Update& update, const ReviewSettings& review);
bool is_late(Date date, Timestamp recorded_at, const ReviewSettings& review);

// Whether the refusal rules of `log` and `import` let this update through; the reason if not.
// `plan` gives the period; dates outside it are refused.
std::optional<std::string> reason_to_refuse(const Plan& plan, const Update& update);

} // namespace plantrack::core

namespace plantrack::core {

// The status and progress an update records when only one (or both) is given: the other carries
// over from the item's current state. `done` alone records 100; progress alone on a not-started
// item starts it (on-track). Returns the reason when the combination cannot be recorded.
struct StatusAndProgress
{
    Status status = Status::not_started;
    int progress = 0;
};
std::variant<StatusAndProgress, std::string> carry_over(const ItemState& current, std::optional<Status> status,
                                                        std::optional<int> progress);

// A reason to refuse a free text (a note or a reporter's name): not UTF-8, control characters
// other than tab and line feed, or longer than `max_bytes`.
std::optional<std::string> reason_to_refuse_text(std::string_view what, std::string_view text, std::size_t max_bytes);

} // namespace plantrack::core
