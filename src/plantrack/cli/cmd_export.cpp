// plantrack export | backup FILE
#include <fmt/format.h>

#include "plantrack/cli/commands.hpp"
#include "plantrack/report/plan_view.hpp"
#include "plantrack/report/rows.hpp"
#include "plantrack/store/plan_store.hpp"
#include "plantrack/store/update_store.hpp"
#include "plantrack/util/csv.hpp"

namespace plantrack::cli {

namespace {

struct BackupOptions
{
    std::string file;
};

// Everything as JSON: {plan, revisions, updates, readings}; as CSV: every update, one per line,
// with the import header (so an export can be imported into another database).
void run_export(Context& context)
{
    const auto format = context.format({"json", "csv", "xlsx"}, "json");
    if (format == "xlsx") {
        export_ledger(context);
        return;
    }
    auto db = context.open_db(store::Database::Access::read);
    const auto plan_id = store::resolve_plan_id(db, context.options.plan);
    const auto known_at = context.known_at();
    if (format == "csv") {
        std::string text = util::csv_line({"item", "date", "status", "progress", "note", "by", "recorded_at"});
        store::for_each_update(db, plan_id, [&](const core::Update& u) {
            if (known_at && u.recorded_at > *known_at) {
                return;
            }
            text += util::csv_line({util::csv_cell(u.item_id), u.date.to_string(), std::string(to_string(u.status)),
                                    fmt::format("{}", u.progress), util::csv_cell(u.note), util::csv_cell(u.by),
                                    core::format_timestamp(u.recorded_at)});
        });
        context.emit(text);
        return;
    }
    const auto plan = store::read_plan(db, plan_id, true, known_at);
    report::Json json{{"plan", report::plan_json(plan)}};
    report::Json withdrawn = report::Json::array();
    for (const auto& item : plan.items) {
        if (item.withdrawn) {
            withdrawn.push_back(item.id);
        }
    }
    json["withdrawn_items"] = withdrawn;
    report::Json revisions = report::Json::array();
    for (const auto& revision : store::revisions(db, plan_id)) {
        revisions.push_back({{"revision", revision.revision},
                             {"loaded_at", core::format_timestamp(revision.loaded_at)},
                             {"source", revision.source},
                             {"added", revision.added},
                             {"changed", revision.changed},
                             {"withdrawn", revision.withdrawn}});
    }
    json["revisions"] = revisions;
    report::Json updates = report::Json::array();
    store::for_each_update(db, plan_id, [&](const core::Update& u) {
        if (known_at && u.recorded_at > *known_at) {
            return;
        }
        updates.push_back(report::update_json(u));
    });
    json["updates"] = updates;
    report::Json readings = report::Json::array();
    for (const auto& r : store::readings(db, plan_id, known_at)) {
        readings.push_back({{"indicator", r.indicator_id},
                            {"period", r.period.to_string()},
                            {"value", r.value},
                            {"note", r.note},
                            {"by", r.by},
                            {"recorded_at", core::format_timestamp(r.recorded_at)}});
    }
    json["readings"] = readings;
    context.emit(report::json_text(json) + "\n");
}

void run_backup(Context& context, const BackupOptions& options)
{
    auto db = context.open_db(store::Database::Access::read);
    store::backup(db, options.file);
    context.emit(fmt::format("backed up '{}' to '{}'\n", db.path(), options.file));
}

} // namespace

void add_export_commands(CLI::App& app, Context& context)
{
    auto* exporter = app.add_subcommand("export", "Everything (plan, revisions, updates, readings) as JSON or CSV");
    exporter->callback([&context] { run_export(context); });

    auto options = std::make_shared<BackupOptions>();
    auto* backup = app.add_subcommand("backup", "A consistent copy of the database, even while others write");
    backup->add_option("FILE", options->file, "The copy to create (must not exist)")->required();
    backup->callback([&context, options] { run_backup(context, *options); });
}

} // namespace plantrack::cli
