// plantrack owed [--period P] [--exit-status]
#include <fmt/format.h>

#include "plantrack/cli/commands.hpp"
#include "plantrack/core/returns.hpp"
#include "plantrack/report/owed.hpp"
#include "plantrack/store/plan_store.hpp"

namespace plantrack::cli {

namespace {

struct OwedOptions
{
    std::string period;
    bool exit_status = false;
};

// The period named on the command line, or the one of the plan's update_every holding the as-of date.
core::ReturnPeriod return_period(const std::string& text, const core::Plan& plan, core::Date as_of)
{
    if (text.empty()) {
        return core::ReturnPeriod::containing(plan.review.update_every, as_of);
    }
    auto period = core::ReturnPeriod::parse(text);
    if (!period) {
        throw Error(fmt::format("period '{}' is not a month (2024-10), a week (2024-W05), a quarter (2024Q2), a "
                                "half-year (2024H1) or a year (2024)",
                                text));
    }
    return *period;
}

void run_owed(Context& context, const OwedOptions& options)
{
    auto db = context.open_db(store::Database::Access::read);
    const auto plan_id = store::resolve_plan_id(db, context.options.plan);
    const auto format = context.format({"table", "json", "csv", "md", "xlsx"}, "table");
    const auto path = format == "xlsx" ? workbook_output(context) : std::string();
    const auto header = store::read_plan_header(db, plan_id);
    const auto period = return_period(options.period, header, context.as_of());
    const auto known_at = context.known_at();
    const auto open = report::open_items(db, plan_id, period, known_at);
    const auto owed = report::owed_items(db, open, known_at);
    const auto& labels = report::labels_for(context.language(open.plan.language));
    if (format == "xlsx") {
        report::write_owed_workbook(open, owed, path, labels);
        context.emit(fmt::format("wrote {} owed item{} of {} to {}\n", owed.size(), owed.size() == 1 ? "" : "s",
                                 period.name, path));
    } else {
        context.emit(report::render_owed(open, owed, {format, &labels, false}));
    }
    if (options.exit_status && !owed.empty()) {
        context.set_exit_status(3);
    }
}

} // namespace

void add_owed_command(CLI::App& app, Context& context)
{
    auto options = std::make_shared<OwedOptions>();
    auto* owed = app.add_subcommand("owed", "Who has not reported: open items with no update dated in the period, "
                                            "grouped by lead owner");
    owed->add_option("--period", options->period,
                     "A month (2024-10), week (2024-W05) or quarter (2024Q2); default: the current one by the "
                     "plan's update_every");
    owed->add_flag("--exit-status", options->exit_status, "Exit 3 when the list is not empty (for scheduled jobs)");
    owed->callback([&context, options] { run_owed(context, *options); });
}

} // namespace plantrack::cli
