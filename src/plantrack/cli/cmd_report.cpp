// plantrack report quarterly 2024Q2 | half-year 2024H1 | annual 2024
#include <fmt/format.h>

#include "plantrack/cli/commands.hpp"
#include "plantrack/report/period_report.hpp"
#include "plantrack/store/plan_store.hpp"

namespace plantrack::cli {

namespace {

struct ReportOptions
{
    std::string period;
};

void run_report(Context& context, report::ReportKind kind, const ReportOptions& options)
{
    const auto period = core::Period::parse(options.period);
    const auto expected_kind = kind == report::ReportKind::quarterly   ? core::Period::Kind::quarter
                               : kind == report::ReportKind::half_year ? core::Period::Kind::half
                                                                       : core::Period::Kind::year;
    const char* example = kind == report::ReportKind::quarterly   ? "2024Q2"
                          : kind == report::ReportKind::half_year ? "2024H1"
                                                                  : "2024";
    if (!period || period->kind != expected_kind) {
        throw Error(fmt::format("period '{}' is not a {} (such as {})", options.period,
                                kind == report::ReportKind::quarterly   ? "quarter"
                                : kind == report::ReportKind::half_year ? "half-year"
                                                                        : "year",
                                example));
    }
    // A report is taken as of its period's last day; silently ignoring --as-of would hand out
    // figures for another date than the one asked for.
    if (!context.options.as_of.empty()) {
        throw Error(fmt::format("--as-of does not apply to reports: a report is taken as of its period's last day "
                                "({}); give --known-at TIMESTAMP to reproduce one issued earlier",
                                period->last_day()));
    }
    const auto format = context.format({"md", "html", "json", "csv"}, "md");
    auto db = context.open_db(store::Database::Access::read);
    const auto plan_id = store::resolve_plan_id(db, context.options.plan);
    // The report reads the whole plan itself.
    const auto plan = store::read_plan_header(db, plan_id, context.known_at());
    if (period->last_day() < plan.start || period->first_day() > plan.end) {
        throw Error(
            fmt::format("period {} is outside the plan period {} to {}", period->to_string(), plan.start, plan.end));
    }
    const auto report = report::build_period_report(db, plan_id, kind, *period, context.known_at());
    const auto& labels = report::labels_for(context.language(plan.language));
    if (format == "json") {
        context.emit(report::render_report_json(report));
    } else if (format == "csv") {
        context.emit(report::render_report_csv(report));
    } else if (format == "html") {
        context.emit(report::render_report_html(report, labels));
    } else {
        context.emit(report::render_report_markdown(report, labels));
    }
}

} // namespace

void add_report_commands(CLI::App& app, Context& context)
{
    auto* report = app.add_subcommand("report", "Quarterly report, half-year circular, annual assessment");
    report->require_subcommand(1);
    const std::vector<std::tuple<report::ReportKind, const char*, const char*>> kinds = {
        {report::ReportKind::quarterly, "quarterly", "The quarterly report for the leadership group (e.g. 2024Q2)"},
        {report::ReportKind::half_year, "half-year", "The half-year circular (e.g. 2024H1)"},
        {report::ReportKind::annual, "annual", "The annual report with the department assessment (e.g. 2024)"}};
    for (const auto& [kind, name, description] : kinds) {
        auto options = std::make_shared<ReportOptions>();
        auto* command = report->add_subcommand(name, description);
        command->add_option("PERIOD", options->period, "The period")->required();
        command->callback([&context, kind = kind, options] { run_report(context, kind, *options); });
    }
}

} // namespace plantrack::cli
