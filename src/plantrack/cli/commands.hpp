#pragma once

#include <CLI/CLI.hpp>

#include "plantrack/cli/context.hpp"
#include "plantrack/util/error.hpp"

// Each command file adds its subcommands to the app. A subcommand's callback runs the command
// with the shared Context; it throws plantrack::Error to refuse.
namespace plantrack::cli {

void add_plan_commands(CLI::App& app, Context& context);
void add_log_command(CLI::App& app, Context& context);
void add_import_command(CLI::App& app, Context& context);
void add_item_commands(CLI::App& app, Context& context); // show, history
void add_list_command(CLI::App& app, Context& context);
void add_review_commands(CLI::App& app, Context& context); // status, overdue, due, stale
void add_indicator_commands(CLI::App& app, Context& context);
void add_report_commands(CLI::App& app, Context& context);
void add_export_commands(CLI::App& app, Context& context); // export, backup
void add_owed_command(CLI::App& app, Context& context);
void add_dispatch_command(CLI::App& app, Context& context);
// export --format xlsx: the ledger workbook (cmd_ledger.cpp).
void export_ledger(Context& context);
// The -o FILE a command writes its workbook to (refusing none and the database); the summary
// then goes to stdout.
std::string workbook_output(Context& context);

} // namespace plantrack::cli
