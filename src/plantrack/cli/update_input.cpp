#include "plantrack/cli/update_input.hpp"

#include <fmt/format.h>

#include "plantrack/store/update_store.hpp"
#include "plantrack/util/text.hpp"

namespace plantrack::cli {

namespace {

constexpr std::size_t k_max_note_bytes = 4000;
constexpr std::size_t k_max_name_bytes = 200;

} // namespace

std::string unknown_item(const std::string& id, const std::vector<std::string>& known_ids)
{
    if (id.empty()) {
        return "the item id is empty";
    }
    // Cut by characters, so a long Chinese id is not cut inside one and misread as not UTF-8.
    const auto shown = util::shorten(id, 60);
    return fmt::format("unknown item '{}'{}", util::is_valid_utf8(shown) ? shown : "(not UTF-8)",
                       util::did_you_mean(id, known_ids));
}

std::variant<core::Update, std::string> complete_update(store::UpdateWriter& writer, const core::Plan& plan,
                                                        const core::Item* item, const UpdateInput& input,
                                                        core::Date today, const std::string& login, core::Timestamp now)
{
    if (item == nullptr) {
        return unknown_item(input.item, plan.item_ids());
    }
    if (item->withdrawn) {
        return fmt::format("item '{}' was withdrawn from the plan by a revision; it takes no more updates", item->id);
    }
    core::Update update;
    update.item_id = item->id;
    update.recorded_at = now;
    if (input.date.empty()) {
        update.date = today;
    } else if (const auto date = core::Date::parse(input.date)) {
        update.date = *date;
    } else {
        return fmt::format("date '{}' is not a valid date (expected YYYY-MM-DD)", util::shorten(input.date, 60));
    }
    std::optional<core::Status> status;
    if (!input.status.empty()) {
        status = core::parse_status(input.status);
        if (!status) {
            return fmt::format("unknown status '{}' (one of: {}){}", util::shorten(input.status, 60),
                               util::join(core::status_names(), ", "),
                               util::did_you_mean(input.status, core::status_names()));
        }
    }
    std::optional<int> progress;
    if (!input.progress.empty()) {
        const auto value = util::parse_integer(input.progress, 0, 100);
        if (!value) {
            return fmt::format("progress '{}' is not a whole number from 0 to 100", util::shorten(input.progress, 60));
        }
        progress = static_cast<int>(*value);
    }
    if (auto reason = core::reason_to_refuse_text("the note", input.note, k_max_note_bytes)) {
        return *reason;
    }
    update.note = input.note;
    update.by = input.by.empty() ? login : input.by;
    if (auto reason = core::reason_to_refuse_text("the reporter", update.by, k_max_name_bytes)) {
        return *reason;
    }
    if (update.date < plan.start || update.date > plan.end) {
        return fmt::format("date {} is outside the plan period {} to {}", update.date, plan.start, plan.end);
    }
    const auto current = status && progress ? core::ItemState{} : writer.state_as_of(item->id, update.date);
    auto carried = core::carry_over(current, status, progress);
    if (const auto* reason = std::get_if<std::string>(&carried)) {
        return *reason;
    }
    const auto& values = std::get<core::StatusAndProgress>(carried);
    update.status = values.status;
    update.progress = values.progress;
    if (auto reason = core::reason_to_refuse(plan, update)) {
        if (!status && core::needs_reason(update.status)) {
            // The person typed only a progress; say where the status came from.
            return *reason + fmt::format(" (the status {} carries over from the item's latest update)", update.status);
        }
        return *reason;
    }
    return update;
}

} // namespace plantrack::cli
