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

std::variant<core::Update, Refusal> complete_update(store::UpdateWriter& writer, const core::Plan& plan,
                                                    const core::Item* item, const UpdateInput& input, core::Date today,
                                                    const std::string& login, core::Timestamp now)
{
    if (item == nullptr) {
        return Refusal{unknown_item(input.item, plan.item_ids()), "item"};
    }
    if (item->withdrawn) {
        return Refusal{
            fmt::format("item '{}' was withdrawn from the plan by a revision; it takes no more updates", item->id),
            "item"};
    }
    core::Update update;
    update.item_id = item->id;
    update.recorded_at = now;
    if (input.date.empty()) {
        update.date = today;
    } else if (const auto date = core::parse_typed_date(input.date)) {
        update.date = *date;
    } else {
        return Refusal{fmt::format("date '{}' is not a valid date (expected YYYY-MM-DD, YYYY/MM/DD or YYYY年MM月DD日)",
                                   util::shorten(input.date, 60)),
                       "date"};
    }
    std::optional<core::Status> status;
    if (!core::trim_typed(input.status).empty()) {
        status = core::parse_typed_status(input.status);
        if (!status) {
            return Refusal{fmt::format("unknown status '{}' (one of: {}){}", util::shorten(input.status, 60),
                                       util::join(core::status_names(), ", "),
                                       util::did_you_mean(input.status, core::status_names())),
                           "status"};
        }
    }
    std::optional<int> progress;
    if (!core::trim_typed(input.progress).empty()) {
        progress = core::parse_typed_progress(input.progress);
        if (!progress) {
            return Refusal{
                fmt::format("progress '{}' is not a whole number from 0 to 100", util::shorten(input.progress, 60)),
                "progress"};
        }
    }
    if (auto reason = core::reason_to_refuse_text("the note", input.note, k_max_note_bytes)) {
        return Refusal{*reason, "note"};
    }
    update.note = input.note;
    update.by = input.by.empty() ? login : input.by;
    if (auto reason = core::reason_to_refuse_text("the reporter", update.by, k_max_name_bytes)) {
        return Refusal{*reason, "by"};
    }
    if (update.date < plan.start || update.date > plan.end) {
        return Refusal{fmt::format("date {} is outside the plan period {} to {}", update.date, plan.start, plan.end),
                       "date"};
    }
    const auto current = status && progress ? core::ItemState{} : writer.state_as_of(item->id, update.date);
    auto carried = core::carry_over(current, status, progress);
    if (const auto* reason = std::get_if<std::string>(&carried)) {
        return Refusal{*reason, status ? "status" : "progress"};
    }
    const auto& values = std::get<core::StatusAndProgress>(carried);
    update.status = values.status;
    update.progress = values.progress;
    if (auto reason = core::reason_to_refuse(plan, update)) {
        if (!status && core::needs_reason(update.status)) {
            // The person typed only a progress; say where the status came from.
            return Refusal{
                *reason + fmt::format(" (the status {} carries over from the item's latest update)", update.status),
                "note"};
        }
        return Refusal{*reason, core::needs_reason(update.status) ? "note" : "progress"};
    }
    return update;
}

} // namespace plantrack::cli
