#include "plantrack/cli/app.hpp"

#include <algorithm>
#include <chrono>
#include <iostream>
#include <pwd.h>
#include <unistd.h>

#include <fmt/format.h>

#include "plantrack/cli/cmd_complete.hpp"
#include "plantrack/cli/cmd_init.hpp"
#include "plantrack/cli/commands.hpp"
#include "plantrack/cli/terminal.hpp"
#include "plantrack/util/error.hpp"
#include "plantrack/util/text.hpp"

namespace plantrack::cli {

namespace {

const std::string k_version_line = "plantrack " PLANTRACK_VERSION;

// The options every command takes. On the program and on each command, so that a command's help
// lists them ("report quarterly --help" shows --format and -o) and they work before or after it.
void add_global_options(CLI::App& app, GlobalOptions& options)
{
    const std::string group = "Global options";
    app.add_option("--db", options.db, "Database file (default: $PLANTRACK_DB, else ./plantrack.db)")
        ->type_name("PATH")
        ->group(group);
    app.add_option("--plan", options.plan, "Plan id, when the database holds several plans")
        ->type_name("ID")
        ->group(group);
    app.add_option("--format", options.format, "Output format: table, json, csv (and md, html for reports)")
        ->type_name("FORMAT")
        ->group(group);
    app.add_option("-o,--output", options.output, "Write the output to FILE instead of stdout")
        ->type_name("FILE")
        ->group(group);
    app.add_option("--as-of", options.as_of, "Compute states as of DATE (YYYY-MM-DD; default today)")
        ->type_name("DATE")
        ->group(group);
    app.add_option("--known-at", options.known_at, "Count only what was recorded by TIMESTAMP (ISO 8601)")
        ->type_name("TIMESTAMP")
        ->group(group);
    // Checked by Context::language, so a bad value is a refused input (exit 1), not a usage error.
    app.add_option("--lang", options.lang, "Labels in zh or en (default: the plan's language)")
        ->type_name("LANG")
        ->group(group);
    // Checked by Context too (exit 1 for a bad value, as for --lang).
    app.add_option("--color", options.color, "Colour: auto (on a terminal), always, never")
        ->type_name("WHEN")
        ->group(group);
    app.add_flag("--no-pager", options.no_pager, "Never send long output through $PLANTRACK_PAGER or $PAGER")
        ->group(group);
    app.add_option("--east-asian-ambiguous", options.east_asian_ambiguous,
                   "Columns for characters such as “ ” — ○: narrow or wide (default: by the locale)")
        ->type_name("WIDTH")
        ->group(group);
}

// One example per command, shown at the foot of its help. A command registered without one
// simply has no example (tests/cli/cases/help-lists-options-and-example checks the known ones).
const std::vector<std::pair<std::string_view, std::string_view>> k_examples = {
    {"plan check", "plantrack plan check plans/shenyang-2023-2025.yaml"},
    {"plan load", "plantrack plan load plans/shenyang-2023-2025.yaml"},
    {"plan show", "plantrack plan show --lang en"},
    {"log", "plantrack log 13.2 --status at-risk --progress 40 --note '用地审批滞后'"},
    {"import", "plantrack import returns-2024.csv"},
    {"show", "plantrack show 13.2"},
    {"history", "plantrack history 13 --format csv -o history-13.csv"},
    {"list", "plantrack list --area A3 --light red"},
    {"status", "plantrack status --as-of 2024-06-30"},
    {"overdue", "plantrack overdue --format json"},
    {"due", "plantrack due --within 14"},
    {"stale", "plantrack stale --owner 市发展改革委"},
    {"indicator record", "plantrack indicator record industrial-revenue 8600 --period 2024"},
    {"indicator list", "plantrack indicator list --as-of 2024-12-31"},
    {"indicator show", "plantrack indicator show industrial-revenue"},
    {"report quarterly", "plantrack report quarterly 2024Q2 --format html -o 2024Q2.html"},
    {"report half-year", "plantrack report half-year 2024H1 -o circular-2024H1.md"},
    {"report annual", "plantrack report annual 2024 --format json"},
    {"export", "plantrack export --format json -o everything.json"},
    {"backup", "plantrack backup plantrack-2024-07-01.db"},
    {"owed", "plantrack owed --period 2024-10 --exit-status"},
    {"dispatch", "plantrack dispatch 2024-11 -o returns/"},
    {"init", "plantrack init --lang en my-plan.yaml"},
};

// Gives every command (at any depth) the global options, and its example as the help's footer.
void finish_commands(CLI::App& parent, const std::string& path, GlobalOptions& options)
{
    for (auto* command : parent.get_subcommands([](const CLI::App*) { return true; })) {
        const auto name = path.empty() ? command->get_name() : path + " " + command->get_name();
        if (command->get_subcommands([](const CLI::App*) { return true; }).empty()) {
            add_global_options(*command, options);
        } else {
            finish_commands(*command, name, options);
        }
        for (const auto& [example_path, example] : k_examples) {
            if (example_path == name) {
                command->footer(fmt::format("Example:\n  {}", example));
            }
        }
    }
}

// "plantrack report quarterly": the command the parse reached, for "Run '... --help'".
std::string command_path(const CLI::App& app)
{
    std::string path = "plantrack";
    const CLI::App* level = &app;
    while (!level->get_subcommands().empty()) {
        level = level->get_subcommands().front();
        path += " " + level->get_name();
    }
    return path;
}

// For "a subcommand is required": names the word that was not a command, with a suggestion.
std::string describe_missing_command(const CLI::App& app, int argc, const char* const* argv)
{
    const CLI::App* level = &app;
    std::vector<std::string> chain;
    while (!level->get_subcommands().empty()) {
        level = level->get_subcommands().front();
        chain.push_back(level->get_name());
    }
    std::vector<std::string> names;
    for (const auto* command : level->get_subcommands([](const CLI::App*) { return true; })) {
        names.push_back(command->get_name());
    }
    std::size_t matched = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string word = argv[i];
        if (word.starts_with("-")) {
            // "--db l.db": the word after an option that takes a value is that value, not a
            // command (it used to be named as the unknown command).
            const CLI::Option* option = word.find('=') == std::string::npos ? app.get_option_no_throw(word) : nullptr;
            if (option != nullptr && option->get_type_size() > 0) {
                ++i;
            }
            continue;
        }
        if (matched < chain.size() && word == chain[matched]) {
            ++matched;
            continue;
        }
        if (matched == chain.size()) {
            return fmt::format("unknown command '{}' (one of: {}){}", word, util::join(names, ", "),
                               util::did_you_mean(word, names));
        }
    }
    return fmt::format("a command is required{} (one of: {})",
                       chain.empty() ? "" : " after '" + util::join(chain, " ") + "'", util::join(names, ", "));
}

} // namespace

int run(int argc, const char* const* argv, const Environment& environment, std::ostream& out, std::ostream& err)
{
    Context context(environment, out, err);
    CLI::App app{"plantrack — track a multi-year action plan: its tasks, milestones, indicators and reports",
                 "plantrack"};
    app.set_version_flag("-V,--version", k_version_line);
    app.require_subcommand(1);
    app.fallthrough();
    add_global_options(app, context.options);
    add_plan_commands(app, context);
    add_log_command(app, context);
    add_import_command(app, context);
    add_item_commands(app, context);
    add_list_command(app, context);
    add_review_commands(app, context);
    add_indicator_commands(app, context);
    add_report_commands(app, context);
    add_export_commands(app, context);
    add_owed_command(app, context);
    add_dispatch_command(app, context);
    add_init_command(app, context);
    finish_commands(app, "", context.options);
    app.footer("Run 'plantrack COMMAND --help' for a command's options and an example; 'man plantrack' for more.");
    try {
        if (argc >= 2 && std::string_view(argv[1]) == "__complete") {
            try {
                context.set_config(read_config(environment.config_files)); // its db holds the ids
            } catch (const Error&) {
                // A broken configuration file is reported by the command, not in a completion.
            }
            context.emit(complete_command_line(app, context, std::vector<std::string>(argv + 2, argv + argc)));
            return 0;
        }
        // Help and the version never depend on a configuration file (a broken one included).
        const bool asks_for_help = std::any_of(argv + 1, argv + argc, [](const char* word) {
            const std::string_view w(word);
            return w == "-h" || w == "--help" || w == "-V" || w == "--version";
        });
        if (!asks_for_help) {
            context.set_config(read_config(environment.config_files));
        }
        app.parse(argc, argv);
        return context.exit_status();
    } catch (const CLI::CallForHelp&) {
        out << app.help();
        return 0;
    } catch (const CLI::CallForAllHelp&) {
        out << app.help("", CLI::AppFormatMode::All);
        return 0;
    } catch (const CLI::CallForVersion&) {
        out << k_version_line << '\n';
        return 0;
    } catch (const CLI::RequiredError& e) {
        const std::string what = e.what();
        err << fmt::format("plantrack: error: {}\n", util::printable(what.find("ubcommand") != std::string::npos
                                                                         ? describe_missing_command(app, argc, argv)
                                                                         : what));
        err << fmt::format("Run '{} --help' for usage.\n", command_path(app));
        return 2;
    } catch (const CLI::ParseError& e) {
        err << fmt::format("plantrack: error: {}\n", util::printable(e.what()));
        err << fmt::format("Run '{} --help' for usage.\n", command_path(app));
        return 2;
    } catch (const InputError& e) {
        for (const auto& diagnostic : e.diagnostics()) {
            err << util::printable(format_diagnostic(diagnostic)) << '\n';
        }
        err << fmt::format("plantrack: error: {}\n", util::printable(e.what()));
        return 1;
    } catch (const Error& e) {
        err << fmt::format("plantrack: error: {}\n", util::printable(e.what()));
        return 1;
    } catch (const std::exception& e) {
        // SQLite errors become sentences about the database; anything else still gets one
        // clear line, never a crash.
        try {
            store::rethrow_sqlite_error(e, context.db_path());
        } catch (const std::exception& converted) {
            err << fmt::format("plantrack: error: {}\n", util::printable(converted.what()));
        }
        return 1;
    }
}

Environment process_environment()
{
    Environment environment;
    const auto now = std::chrono::system_clock::now();
    environment.now = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
    const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
    std::tm local{};
    localtime_r(&seconds, &local);
    environment.today = core::Date::from_ymd(local.tm_year + 1900, static_cast<unsigned>(local.tm_mon + 1),
                                             static_cast<unsigned>(local.tm_mday));
    if (const char* db = std::getenv("PLANTRACK_DB")) {
        environment.db_from_env = db;
    }
    if (const char* user = std::getenv("USER"); user != nullptr && *user != '\0') {
        environment.user = user;
    } else if (const passwd* entry = getpwuid(getuid()); entry != nullptr) {
        environment.user = entry->pw_name;
    } else {
        environment.user = "unknown";
    }
    environment.stdout_is_terminal = isatty(STDOUT_FILENO) != 0;
    environment.no_color = std::getenv("NO_COLOR") != nullptr;
    const auto size = terminal_size(STDOUT_FILENO, std::getenv("COLUMNS"), std::getenv("LINES"));
    environment.terminal_columns = size.columns;
    environment.terminal_rows = size.rows;
    if (const char* pager = std::getenv("PLANTRACK_PAGER")) {
        environment.plantrack_pager = pager;
    }
    if (const char* pager = std::getenv("PAGER")) {
        environment.pager = pager;
    }
    for (const char* variable : {"LC_ALL", "LC_CTYPE", "LANG"}) {
        if (const char* value = std::getenv(variable); value != nullptr && *value != '\0') {
            environment.locale = value;
            break;
        }
    }
    environment.run_pager = run_pager;
    const char* config_home = std::getenv("XDG_CONFIG_HOME");
    const char* home = std::getenv("HOME");
    if (config_home != nullptr && *config_home == '/') {
        environment.config_files.push_back({std::string(config_home) + "/plantrack/config.toml", true});
    } else if (home != nullptr && *home != '\0') {
        environment.config_files.push_back({std::string(home) + "/.config/plantrack/config.toml", true});
    }
    environment.config_files.push_back({".plantrackrc", false});
    return environment;
}

int main(int argc, char** argv)
{
    return run(argc, argv, process_environment(), std::cout, std::cerr);
}

} // namespace plantrack::cli
