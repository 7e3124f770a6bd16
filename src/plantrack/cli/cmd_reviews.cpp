// plantrack status | overdue | due --within DAYS | stale
#include <fmt/format.h>

#include "plantrack/cli/commands.hpp"
#include "plantrack/cli/exit_status.hpp"
#include "plantrack/cli/filters.hpp"
#include "plantrack/report/dashboard.hpp"
#include "plantrack/store/plan_store.hpp"
#include "plantrack/util/text.hpp"

namespace plantrack::cli {

namespace {

enum class Review { status, overdue, due, stale };

struct ReviewOptions
{
    FilterOptions filter;
    std::string within = "30";
    bool exit_status = false; // overdue and stale: exit 3 when the list is not empty
};

void run_review(Context& context, Review review, const ReviewOptions& options)
{
    auto db = context.open_db(store::Database::Access::read);
    const auto plan_id = store::resolve_plan_id(db, context.options.plan);
    const auto snapshot = report::take_snapshot(db, plan_id, context.cutoff());
    const auto filter = make_filter(options.filter, snapshot.plan);
    const auto& labels = report::labels_for(context.language(snapshot.plan.language));
    report::ListStyle style{context.format({"table", "json", "csv"}, "table"), &labels, context.use_color(),
                            context.table_layout()};
    auto items = report::filter_items(snapshot, filter);
    const auto as_of = snapshot.cutoff.as_of;
    switch (review) {
    case Review::status: {
        const auto selected = std::set<const report::ItemView*>(items.begin(), items.end());
        context.emit(report::render_dashboard(
            snapshot, [&](const report::ItemView& view) { return selected.contains(&view); }, style));
        return;
    }
    case Review::overdue:
        std::erase_if(items, [](const report::ItemView* view) { return !view->overdue; });
        context.emit(report::render_overdue(items, style));
        exit_when_listed(context, options.exit_status, items.size());
        return;
    case Review::due: {
        const auto days = util::parse_integer(options.within, 0, 36600);
        if (!days) {
            throw Error(fmt::format("--within '{}' is not a whole number of days from 0 to 36600", options.within));
        }
        const auto until = as_of.plus_days(static_cast<int>(*days));
        std::erase_if(items, [&](const report::ItemView* view) {
            const bool open = view->light != core::Light::done && view->light != core::Light::cancelled;
            return !(open && view->item->due >= as_of && view->item->due <= until);
        });
        context.emit(report::render_due(items, as_of, style));
        return;
    }
    case Review::stale:
        std::erase_if(items, [](const report::ItemView* view) { return !view->stale; });
        context.emit(report::render_stale(items, style));
        exit_when_listed(context, options.exit_status, items.size());
        return;
    }
}

} // namespace

void add_review_commands(CLI::App& app, Context& context)
{
    const std::vector<std::tuple<Review, const char*, const char*>> reviews = {
        {Review::status, "status", "The dashboard: each area's progress, lights and counts, and the plan's"},
        {Review::overdue, "overdue", "Overdue items, most days overdue first, grouped by lead owner"},
        {Review::due, "due", "Items falling due soon (--within DAYS, default 30)"},
        {Review::stale, "stale", "Items with no update for longer than the plan allows"}};
    for (const auto& [review, name, description] : reviews) {
        auto options = std::make_shared<ReviewOptions>();
        auto* command = app.add_subcommand(name, description);
        add_filter_options(*command, options->filter, review == Review::status);
        if (review == Review::due) {
            command->add_option("--within", options->within, "Days ahead (default 30)");
        }
        if (review == Review::overdue || review == Review::stale) {
            add_exit_status_flag(*command, options->exit_status);
        }
        command->callback([&context, review = review, options] { run_review(context, review, *options); });
    }
}

} // namespace plantrack::cli
