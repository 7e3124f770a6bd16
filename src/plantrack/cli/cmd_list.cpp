// plantrack list [--area A] [--owner O] [--status S] [--light L]
#include "plantrack/cli/commands.hpp"
#include "plantrack/cli/filters.hpp"
#include "plantrack/report/snapshot.hpp"
#include "plantrack/store/plan_store.hpp"

namespace plantrack::cli {

namespace {

void run_list(Context& context, const FilterOptions& options)
{
    auto db = context.open_db(store::Database::Access::read);
    const auto plan_id = store::resolve_plan_id(db, context.options.plan);
    const auto snapshot = report::take_snapshot(db, plan_id, context.cutoff());
    const auto filter = make_filter(options, snapshot.plan);
    const auto& labels = report::labels_for(context.language(snapshot.plan.language));
    const report::ListStyle style{context.format({"table", "json", "csv"}, "table"), &labels, context.use_color(),
                                  context.table_layout()};
    context.emit(report::render_list(report::filter_items(snapshot, filter), style));
}

} // namespace

void add_list_command(CLI::App& app, Context& context)
{
    auto options = std::make_shared<FilterOptions>();
    auto* list = app.add_subcommand("list", "Items with their state and light");
    add_filter_options(*list, *options, true);
    list->callback([&context, options] { run_list(context, *options); });
}

} // namespace plantrack::cli
