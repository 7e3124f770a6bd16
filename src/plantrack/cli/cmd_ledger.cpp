// plantrack export --format xlsx -o FILE: the ledger (台账) workbook
#include <filesystem>

#include <fmt/format.h>

#include "plantrack/cli/commands.hpp"
#include "plantrack/report/ledger.hpp"
#include "plantrack/report/snapshot.hpp"
#include "plantrack/store/plan_store.hpp"

namespace plantrack::cli {

std::string workbook_output(Context& context)
{
    const auto path = context.options.output;
    if (path.empty() || path == "-") {
        throw Error("--format xlsx writes a workbook: give the file with -o FILE.xlsx");
    }
    std::error_code ec;
    auto resolved = [&ec](const std::string& file) {
        return std::filesystem::weakly_canonical(std::filesystem::absolute(file, ec), ec).string();
    };
    const auto db_path = resolved(context.db_path());
    const auto target = resolved(path);
    if (target == db_path || target == db_path + "-wal" || target == db_path + "-shm" ||
        target == db_path + "-journal") {
        throw Error(fmt::format("-o '{}' is the database itself; choose another file", path));
    }
    // What goes to stdout from here on is the summary, not the workbook.
    context.options.output.clear();
    return path;
}

void export_ledger(Context& context)
{
    const auto path = workbook_output(context);
    auto db = context.open_db(store::Database::Access::read);
    const auto plan_id = store::resolve_plan_id(db, context.options.plan);
    const auto snapshot = report::take_snapshot(db, plan_id, context.cutoff());
    const auto& labels = report::labels_for(context.language(snapshot.plan.language));
    report::write_ledger(db, snapshot, path, labels);
    context.emit(fmt::format("wrote the ledger of {} as of {} to {}\n", snapshot.plan.id, snapshot.cutoff.as_of, path));
}

} // namespace plantrack::cli
