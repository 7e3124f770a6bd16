#include "plantrack/core/state.hpp"

#include <algorithm>
#include <tuple>

#include "plantrack/util/text.hpp"

namespace plantrack::core {

bool is_later(const Update& a, const Update& b)
{
    return std::tie(a.date, a.recorded_at, a.sequence) > std::tie(b.date, b.recorded_at, b.sequence);
}

ItemState state_as_of(std::span<const Update> updates, Date as_of)
{
    const Update* latest = nullptr;
    for (const auto& update : updates) {
        if (update.date <= as_of && (latest == nullptr || is_later(update, *latest))) {
            latest = &update;
        }
    }
    if (latest == nullptr) {
        return {};
    }
    return {latest->status, latest->progress, latest->date, latest->note, latest->sequence};
}

double expected_progress(Date start, Date due, Date as_of)
{
    // Due first: an item starting and due the same day is expected done on that day.
    if (as_of >= due) {
        return 100;
    }
    if (as_of <= start) {
        return 0;
    }
    return 100.0 * (as_of - start) / (due - start);
}

namespace {

bool is_closed(const ItemState& state)
{
    return state.status == Status::done || state.status == Status::cancelled;
}

} // namespace

bool is_overdue(const Item& item, const ItemState& state, Date as_of)
{
    return item.due < as_of && !is_closed(state);
}

int days_overdue(const Item& item, const ItemState& state, Date as_of)
{
    return is_overdue(item, state, as_of) ? as_of - item.due : 0;
}

int days_without_update(const Item& item, const ItemState& state, Date as_of)
{
    return as_of - state.last_update.value_or(item.start);
}

bool is_stale(const Item& item, const ItemState& state, const ReviewSettings& review, Date as_of)
{
    if (item.start > as_of || is_closed(state)) {
        return false;
    }
    return days_without_update(item, state, as_of) > review.stale_after_days;
}

bool is_behind(const Item& item, const ItemState& state, const ReviewSettings& review, Date as_of)
{
    return expected_progress(item.start, item.due, as_of) - state.progress > review.behind_by;
}

Light light_of(const Item& item, const ItemState& state, const ReviewSettings& review, Date as_of)
{
    if (state.status == Status::done) {
        return Light::done;
    }
    if (state.status == Status::cancelled) {
        return Light::cancelled;
    }
    if (is_overdue(item, state, as_of) || state.status == Status::delayed) {
        return Light::red;
    }
    if (state.status == Status::at_risk || is_behind(item, state, review, as_of) ||
        is_stale(item, state, review, as_of)) {
        return Light::yellow;
    }
    return Light::green;
}

std::optional<std::string> reason_to_refuse(const Plan& plan, const Update& update)
{
    if (update.progress < 0 || update.progress > 100) {
        return "progress must be a whole number from 0 to 100";
    }
    if (update.date < plan.start || update.date > plan.end) {
        return fmt::format("date {} is outside the plan period {} to {}", update.date, plan.start, plan.end);
    }
    if (update.status == Status::done && update.progress != 100) {
        return fmt::format("status done means progress 100, not {}", update.progress);
    }
    // A note of blanks gives the leadership no reason.
    if (needs_reason(update.status) && update.note.find_first_not_of(" \t\n") == std::string::npos) {
        return fmt::format("status {} needs a note giving the reason", update.status);
    }
    return std::nullopt;
}

} // namespace plantrack::core

namespace plantrack::core {

std::variant<StatusAndProgress, std::string> carry_over(const ItemState& current, std::optional<Status> status,
                                                        std::optional<int> progress)
{
    if (!status && !progress) {
        return std::string("give a status, a progress, or both");
    }
    if (status && progress) {
        return StatusAndProgress{*status, *progress};
    }
    if (status) {
        return StatusAndProgress{*status, *status == Status::done ? 100 : current.progress};
    }
    if (current.status == Status::done && *progress != 100) {
        return fmt::format("the item is done; to record progress {} give a status too (reopening it)", *progress);
    }
    if (current.status == Status::cancelled) {
        return std::string("the item is cancelled; to record progress give a status too (reopening it)");
    }
    const Status carried = current.status == Status::not_started && *progress > 0 ? Status::on_track : current.status;
    return StatusAndProgress{carried, *progress};
}

std::optional<std::string> reason_to_refuse_text(std::string_view what, std::string_view text, std::size_t max_bytes)
{
    if (text.size() > max_bytes) {
        return fmt::format("{} is {} bytes long; at most {} are allowed", what, text.size(), max_bytes);
    }
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && c != '\t' && c != '\n') || byte == 0x7f) {
            return fmt::format("{} contains a control character (0x{:02X})", what, byte);
        }
    }
    if (!util::is_valid_utf8(text)) {
        return fmt::format("{} is not valid UTF-8 text", what);
    }
    // C1 controls (U+0080–U+009F, such as the 8-bit CSI that terminals obey) are controls too; in
    // valid UTF-8 they are exactly the pairs C2 80 … C2 9F.
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        const auto next = static_cast<unsigned char>(text[i + 1]);
        if (text[i] == '\xC2' && next >= 0x80 && next <= 0x9F) {
            return fmt::format("{} contains a control character (U+{:04X})", what, next);
        }
    }
    if (const auto bidi = util::find_bidi_control(text)) {
        return fmt::format("{} contains a bidi control (U+{:04X}), which would show the text around it reordered", what,
                           *bidi);
    }
    return std::nullopt;
}

Date reporting_period_end(Date date, const std::string& update_every)
{
    const int year = date.year();
    if (update_every == "week") {
        const auto first = Date::from_ymd(year, 1, 1);
        const auto end = first.plus_days(((date - first) / 7 + 1) * 7 - 1);
        const auto year_end = Date::from_ymd(year, 12, 31);
        return end < year_end ? end : year_end;
    }
    unsigned last_month = date.month();
    if (update_every == "quarter") {
        last_month = (date.month() - 1) / 3 * 3 + 3;
    }
    return last_month == 12 ? Date::from_ymd(year, 12, 31) : Date::from_ymd(year, last_month + 1, 1).plus_days(-1);
}

int reporting_period_index(Date date, const std::string& update_every)
{
    if (update_every == "quarter") {
        return static_cast<int>((date.month() - 1) / 3);
    }
    if (update_every == "week") {
        return std::min((date - Date::from_ymd(date.year(), 1, 1)) / 7, 52);
    }
    return static_cast<int>(date.month() - 1);
}

Date reporting_deadline(Date date, const ReviewSettings& review)
{
    return reporting_period_end(date, review.update_every).plus_days(review.report_by_day);
}

namespace {

constexpr Timestamp k_ms_per_day = 86'400'000;

Date recorded_day(Timestamp recorded_at)
{
    const auto days = recorded_at >= 0 ? recorded_at / k_ms_per_day : (recorded_at - k_ms_per_day + 1) / k_ms_per_day;
    return Date::from_days(static_cast<int>(days));
}

} // namespace

int lag_days(const Update& update)
{
    return recorded_day(update.recorded_at) - update.date;
}

bool is_late(Date date, Timestamp recorded_at, const ReviewSettings& review)
{
    return recorded_day(recorded_at) > reporting_deadline(date, review);
}

bool is_late(const Update& update, const ReviewSettings& review)
{
    return is_late(update.date, update.recorded_at, review);
}

} // namespace plantrack::core
