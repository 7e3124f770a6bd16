// plantrack show ITEM | history ITEM
#include <fmt/format.h>

#include "plantrack/cli/commands.hpp"
#include "plantrack/cli/update_input.hpp"
#include "plantrack/core/state.hpp"
#include "plantrack/report/item_lists.hpp"
#include "plantrack/report/labels.hpp"
#include "plantrack/report/rows.hpp"
#include "plantrack/store/plan_store.hpp"
#include "plantrack/store/update_store.hpp"
#include "plantrack/util/text.hpp"

namespace plantrack::cli {

namespace {

constexpr std::size_t k_recent_updates = 5;

struct ItemOptions
{
    std::string item;
};

// One item (withdrawn ones too) without reading the whole plan.
core::Item find_item_or_throw(store::Database& db, const std::string& plan_id, const std::string& id,
                              std::optional<core::Timestamp> known_at)
{
    auto item = store::read_item(db, plan_id, id, known_at);
    if (!item) {
        throw Error(unknown_item(id, store::read_item_ids(db, plan_id)));
    }
    return std::move(*item);
}

std::vector<std::vector<report::Cell>> history_rows(const std::vector<core::Update>& updates,
                                                    const report::Labels& labels, const core::ReviewSettings& review)
{
    std::vector<std::vector<report::Cell>> rows;
    for (const auto& update : updates) {
        const auto lag = report::late_lag(update, review);
        rows.push_back(
            {report::text_cell(update.item_id),
             report::text_cell(update.date.to_string()),
             {report::Json(std::string(to_string(update.status))), std::string(label(labels, update.status))},
             {report::Json(update.progress), fmt::format("{}%", update.progress)},
             report::text_cell(update.note),
             report::text_cell(update.by),
             report::text_cell(core::format_timestamp(update.recorded_at)),
             {lag ? report::Json(*lag) : report::Json(nullptr),
              lag ? fmt::format(fmt::runtime(labels.late_mark), *lag) : std::string()}});
    }
    return rows;
}

std::vector<report::Column> history_columns(const report::Labels& l)
{
    return {{"item", l.id},   {"date", l.date}, {"status", l.status},           {"progress", l.progress, true},
            {"note", l.note}, {"by", l.by},     {"recorded_at", l.recorded_at}, {"late_lag_days", l.lag}};
}

void run_show(Context& context, const ItemOptions& options)
{
    auto db = context.open_db(store::Database::Access::read);
    const auto plan_id = store::resolve_plan_id(db, context.options.plan);
    const auto plan = store::read_plan_header(db, plan_id, context.known_at());
    const auto item = find_item_or_throw(db, plan_id, options.item, context.known_at());
    const auto cutoff = context.cutoff();
    const auto updates = store::history(db, plan_id, item.id, cutoff.known_at);
    const auto state = core::state_as_of(updates, cutoff.as_of);
    const auto light = core::light_of(item, state, plan.review, cutoff.as_of);
    const auto& l = report::labels_for(context.language(plan.language));
    const auto format = context.format({"table", "json"}, "table");
    std::vector<core::Update> known;
    for (const auto& update : updates) {
        if (update.date <= cutoff.as_of) {
            known.push_back(update);
        }
    }
    if (format == "json") {
        report::Json json{
            {"id", item.id},
            {"kind", std::string(to_string(item.kind))},
            {"area", item.area_id},
            {"parent", item.parent_id.empty() ? report::Json(nullptr) : report::Json(item.parent_id)},
            {"title", item.title},
            {"lead", item.lead},
            {"partners", item.partners},
            {"leader", item.leader.empty() ? report::Json(nullptr) : report::Json(item.leader)},
            {"start", item.start.to_string()},
            {"due", item.due.to_string()},
            {"weight", item.weight},
            {"withdrawn", item.withdrawn},
            {"as_of", cutoff.as_of.to_string()},
            {"status", std::string(to_string(state.status))},
            {"progress", state.progress},
            {"expected_progress", std::round(core::expected_progress(item.start, item.due, cutoff.as_of) * 10) / 10},
            {"light", std::string(to_string(light))},
            {"overdue", core::is_overdue(item, state, cutoff.as_of)},
            {"days_overdue", core::days_overdue(item, state, cutoff.as_of)},
            {"stale", core::is_stale(item, state, plan.review, cutoff.as_of)},
            {"last_update", report::date_or_null(state.last_update)},
            {"note", state.note}};
        report::Json recent = report::Json::array();
        for (std::size_t i = known.size() > k_recent_updates ? known.size() - k_recent_updates : 0; i < known.size();
             ++i) {
            recent.push_back(report::update_json(known[i], plan.review));
        }
        json["recent_updates"] = recent;
        context.emit(report::json_text(json) + "\n");
        return;
    }
    std::string text =
        fmt::format("{} {}  {}{}\n", label(l, item.kind), item.id, item.title, item.withdrawn ? " (withdrawn)" : "");
    auto line = [&](std::string_view name, const std::string& value) {
        text += fmt::format("  {}  {}\n", util::pad(name, 12), value);
    };
    if (!item.parent_id.empty()) {
        line(l.parent, item.parent_id);
    }
    line(l.area, item.area_id);
    line(l.lead, item.lead);
    if (!item.partners.empty()) {
        line(l.partners, util::join(item.partners, ", "));
    }
    if (!item.leader.empty()) {
        line(l.leader, item.leader);
    }
    line(l.start, item.start.to_string());
    line(l.due, item.due.to_string());
    line(l.as_of, cutoff.as_of.to_string());
    line(l.status, std::string(label(l, state.status)));
    line(l.progress,
         fmt::format("{}% ({} {}%)", state.progress, l.expected,
                     util::format_one_decimal(core::expected_progress(item.start, item.due, cutoff.as_of))));
    line(l.light, report::light_cell(light, l, context.use_color()));
    if (core::is_overdue(item, state, cutoff.as_of)) {
        line(l.days_overdue, fmt::format("{}", core::days_overdue(item, state, cutoff.as_of)));
    }
    line(l.last_update, state.last_update ? state.last_update->to_string() : std::string(l.not_set));
    if (!state.note.empty()) {
        line(l.note, util::single_line(state.note));
    }
    text += fmt::format("\n{}\n", l.recent_updates);
    const std::vector<core::Update> recent(
        known.end() - static_cast<std::ptrdiff_t>(std::min(known.size(), k_recent_updates)), known.end());
    report::ListStyle style{"table", &l, context.use_color(), context.table_layout()};
    text += report::render_rows(history_columns(l), history_rows(recent, l, plan.review), style, std::string(l.none));
    context.emit(text);
}

void run_history(Context& context, const ItemOptions& options)
{
    auto db = context.open_db(store::Database::Access::read);
    const auto plan_id = store::resolve_plan_id(db, context.options.plan);
    const auto plan = store::read_plan_header(db, plan_id, context.known_at());
    const auto item = find_item_or_throw(db, plan_id, options.item, context.known_at());
    const auto updates = store::history(db, plan_id, item.id, context.known_at());
    const auto& l = report::labels_for(context.language(plan.language));
    report::ListStyle style{context.format({"table", "json", "csv"}, "table"), &l, context.use_color(),
                            context.table_layout()};
    context.emit(
        report::render_rows(history_columns(l), history_rows(updates, l, plan.review), style, std::string(l.none)));
}

} // namespace

void add_item_commands(CLI::App& app, Context& context)
{
    auto show_options = std::make_shared<ItemOptions>();
    auto* show = app.add_subcommand("show", "Show an item: its state, light and recent updates");
    show->add_option("ITEM", show_options->item, "Item id")->required();
    show->callback([&context, show_options] { run_show(context, *show_options); });

    auto history_options = std::make_shared<ItemOptions>();
    auto* history = app.add_subcommand("history", "Every update of an item, oldest first");
    history->add_option("ITEM", history_options->item, "Item id")->required();
    history->callback([&context, history_options] { run_history(context, *history_options); });
}

} // namespace plantrack::cli
