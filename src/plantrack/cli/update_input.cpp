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
    const auto shown = id.size() > 60 ? id.substr(0, 60) + "…" : id;
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
        return fmt::format("date '{}' is not a valid date (expected YYYY-MM-DD)", input.date);
    }
    std::optional<core::Status> status;
    if (!input.status.empty()) {
        status = core::parse_status(input.status);
        if (!status) {
            return fmt::format("unknown status '{}' (one of: {}){}", input.status, util::join(core::status_names(), ", "),
                               util::did_you_mean(input.status, core::status_names()));
        }
    }
    std::optional<int> progress;
    if (!input.progress.empty()) {
        const auto value = util::parse_integer(input.progress, 0, 100);
        if (!value) {
            return fmt::format("progress '{}' is not a whole number from 0 to 100", input.progress);
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
        return *reason;
    }
    return update;
}

} // namespace plantrack::cli
