// plantrack dispatch PERIOD [--owner O] -o DIR
#include <fmt/format.h>

#include "plantrack/cli/commands.hpp"
#include "plantrack/cli/filters.hpp"
#include "plantrack/core/returns.hpp"
#include "plantrack/report/dispatch.hpp"
#include "plantrack/store/plan_store.hpp"

namespace plantrack::cli {

namespace {

struct DispatchOptions
{
    std::string period;
    std::string owner;
};

void run_dispatch(Context& context, const DispatchOptions& options)
{
    if (context.options.output.empty() || context.options.output == "-") {
        throw Error("dispatch writes one workbook per lead owner: give the folder with -o DIR");
    }
    const auto dir = context.options.output;
    // The workbooks go to DIR; the summary goes to stdout.
    context.options.output.clear();
    const auto period = core::ReturnPeriod::parse(options.period);
    if (!period) {
        throw Error(fmt::format("period '{}' is not a month (2024-10), a week (2024-W05), a quarter (2024Q2), a "
                                "half-year (2024H1) or a year (2024)",
                                options.period));
    }
    auto db = context.open_db(store::Database::Access::read);
    const auto plan_id = store::resolve_plan_id(db, context.options.plan);
    const auto open = report::open_items(db, plan_id, *period, context.known_at());
    std::optional<std::string> owner;
    if (!options.owner.empty()) {
        owner = known_owner(options.owner, open.plan);
    }
    const auto& labels = report::labels_for(context.language(open.plan.language));
    const auto written = report::write_dispatch(open, owner, dir, labels);
    std::string text;
    std::size_t items = 0;
    for (const auto& workbook : written) {
        text += fmt::format("wrote {} ({} item{})\n", workbook.path, workbook.items, workbook.items == 1 ? "" : "s");
        items += workbook.items;
    }
    if (written.empty()) {
        text += fmt::format("no open items in {}{}; no workbook written\n", period->name,
                            owner ? fmt::format(" led by {}", *owner) : "");
    } else {
        text += fmt::format("dispatched {} item{} open in {} to {} lead owner{}\n", items, items == 1 ? "" : "s",
                            period->name, written.size(), written.size() == 1 ? "" : "s");
    }
    context.emit(text);
}

} // namespace

void add_dispatch_command(CLI::App& app, Context& context)
{
    auto options = std::make_shared<DispatchOptions>();
    auto* dispatch =
        app.add_subcommand("dispatch", "Write one return workbook (.xlsx) per lead owner for a period into -o DIR");
    dispatch->add_option("PERIOD", options->period, "A month (2024-10), week (2024-W05) or quarter (2024Q2)")
        ->required();
    dispatch->add_option("--owner", options->owner, "Only this lead owner's workbook");
    dispatch->callback([&context, options] { run_dispatch(context, *options); });
}

} // namespace plantrack::cli
