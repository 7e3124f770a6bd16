// plantrack log ITEM [--status S] [--progress P] [--date D] [--note TEXT] [--by WHO]
#include <fmt/format.h>

#include "plantrack/cli/commands.hpp"
#include "plantrack/cli/update_input.hpp"
#include "plantrack/store/plan_store.hpp"
#include "plantrack/store/update_store.hpp"
#include "plantrack/util/text.hpp"

namespace plantrack::cli {

namespace {

void run_log(Context& context, const UpdateInput& input)
{
    auto db = context.open_db(store::Database::Access::write);
    store::WriteTransaction transaction(db);
    const auto plan_id = store::resolve_plan_id(db, context.options.plan);
    // One item and the plan's header: log stays fast however many items the plan has.
    const auto plan = store::read_plan_header(db, plan_id);
    const auto item = store::read_item(db, plan_id, std::string(core::trim_typed(input.item)));
    if (!item) {
        throw Error(unknown_item(input.item, store::read_item_ids(db, plan_id)));
    }
    store::UpdateWriter writer(db, plan_id);
    auto completed = complete_update(writer, plan, &*item, input, context.environment().today,
                                     context.environment().user, context.environment().now);
    if (const auto* refusal = std::get_if<Refusal>(&completed)) {
        throw Error(refusal->message);
    }
    const auto& update = std::get<core::Update>(completed);
    writer.append(update);
    writer.finish();
    transaction.commit();
    context.emit(fmt::format("logged {} {}: {}, {}%{}\n", update.item_id, update.date, update.status, update.progress,
                             update.note.empty() ? "" : " — " + util::single_line(update.note)));
}

} // namespace

void add_log_command(CLI::App& app, Context& context)
{
    auto input = std::make_shared<UpdateInput>();
    auto* log = app.add_subcommand("log", "Record an update of an item (status and/or progress)");
    log->add_option("ITEM", input->item, "Item id (a task such as 13, or a milestone such as 13.2)")->required();
    log->add_option("--status", input->status, "not-started, on-track, at-risk, delayed, done or cancelled");
    log->add_option("--progress", input->progress, "Progress in percent, 0–100");
    log->add_option("--date", input->date, "The date the update is as of (default today)");
    log->add_option("--note", input->note, "What happened; required for at-risk and delayed");
    log->add_option("--by", input->by, "Who reports (default: the login name)");
    log->callback([&context, input] { run_log(context, *input); });
}

} // namespace plantrack::cli
