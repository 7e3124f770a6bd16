// plantrack plan check | load | show
#include <fmt/format.h>

#include "plantrack/report/rows.hpp"
#include "plantrack/cli/commands.hpp"
#include "plantrack/plan/plan_file.hpp"
#include "plantrack/report/labels.hpp"
#include "plantrack/report/plan_view.hpp"
#include "plantrack/store/plan_store.hpp"

namespace plantrack::cli {

namespace {

struct PlanFileOptions
{
    std::string file;
};

void run_check(Context& context, const PlanFileOptions& options)
{
    const auto plan = plan::load_plan_file(options.file);
    context.emit(fmt::format("{}: ok — plan '{}': {}\n", options.file, plan.id, report::plan_counts(plan)));
}

std::string describe_change(const store::PlanChange& change)
{
    if (change.change == "changed") {
        return fmt::format("  changed {} {} {}: {} -> {}\n", change.entity, change.entity_id, change.field,
                           change.old_value.empty() ? "(none)" : change.old_value,
                           change.new_value.empty() ? "(none)" : change.new_value);
    }
    return fmt::format("  {} {} {}\n", change.change, change.entity, change.entity_id);
}

void run_load(Context& context, const PlanFileOptions& options)
{
    const auto plan = plan::load_plan_file(options.file);
    auto db = context.open_db(store::Database::Access::write, true, true);
    const auto result = store::apply_plan(db, plan, options.file, context.environment().now);
    if (result.created) {
        context.emit(
            fmt::format("created plan '{}' (revision {}): {}\n", plan.id, result.revision, report::plan_counts(plan)));
        return;
    }
    if (result.changes.empty()) {
        context.emit(fmt::format("plan '{}' is unchanged (revision {})\n", plan.id, result.revision));
        return;
    }
    std::string text = fmt::format("revised plan '{}' to revision {}: {} change{}\n", plan.id, result.revision,
                                   result.changes.size(), result.changes.size() == 1 ? "" : "s");
    for (const auto& change : result.changes) {
        text += describe_change(change);
    }
    context.emit(text);
}

void run_show(Context& context)
{
    auto db = context.open_db(store::Database::Access::read);
    const auto plan_id = store::resolve_plan_id(db, context.options.plan);
    const auto plan = store::read_plan(db, plan_id, false, context.known_at());
    const auto format = context.format({"table", "json"}, "table");
    if (format == "json") {
        context.emit(report::json_text(report::plan_json(plan)) + "\n");
        return;
    }
    context.emit(
        report::render_plan_text(plan, report::labels_for(context.language(plan.language)), context.table_layout()));
}

} // namespace

void add_plan_commands(CLI::App& app, Context& context)
{
    auto* plan = app.add_subcommand("plan", "Check, load and show the plan");
    plan->require_subcommand(1);

    auto check_options = std::make_shared<PlanFileOptions>();
    auto* check = plan->add_subcommand("check", "Validate a plan file without touching a database");
    check->add_option("FILE", check_options->file, "Plan file (YAML)")->required();
    check->callback([&context, check_options] { run_check(context, *check_options); });

    auto load_options = std::make_shared<PlanFileOptions>();
    auto* load = plan->add_subcommand("load", "Create the plan in the database, or apply a revised plan file");
    load->add_option("FILE", load_options->file, "Plan file (YAML)")->required();
    load->callback([&context, load_options] { run_load(context, *load_options); });

    auto* show = plan->add_subcommand("show", "Show the plan's areas, tasks, owners and deadlines");
    show->callback([&context] { run_show(context); });
}

} // namespace plantrack::cli
