#pragma once

#include <functional>
#include <optional>
#include <string>

#include "plantrack/cli/config.hpp"
#include "plantrack/core/date.hpp"
#include "plantrack/store/database.hpp"
#include "plantrack/store/update_store.hpp"
#include "plantrack/util/table.hpp"

namespace plantrack::cli {

// What the program takes from the world, passed in so tests control it.
struct Environment
{
    core::Date today;
    core::Timestamp now = 0;
    std::string user;                       // the login name, the default reporter
    std::optional<std::string> db_from_env; // PLANTRACK_DB
    bool stdout_is_terminal = false;
    bool no_color = false;                      // NO_COLOR is set
    std::size_t terminal_columns = 0;           // COLUMNS, else the terminal's width; 0 when unknown
    std::size_t terminal_rows = 0;              // LINES, else the terminal's height; 0 when unknown
    std::optional<std::string> plantrack_pager; // PLANTRACK_PAGER
    std::optional<std::string> pager;           // PAGER
    std::string locale;                         // LC_ALL, else LC_CTYPE, else LANG
    std::vector<ConfigFile> config_files;       // read in order, later ones winning
    // Shows text through a pager command; false when it could not be started. Unset: no pager.
    std::function<bool(const std::string& command, const std::string& text)> run_pager;
};

// The global options, shared by every command.
struct GlobalOptions
{
    std::string db;
    std::optional<std::string> plan;
    std::string format;
    std::string output;
    std::string as_of;
    std::string known_at;
    std::string lang;
    std::string color; // auto, always, never
    bool no_pager = false;
    std::string east_asian_ambiguous; // wide, narrow
};

// What a command needs to run: the environment, the global options, and where output goes.
class Context
{
public:
    Context(Environment environment, std::ostream& out, std::ostream& err)
        : m_environment(std::move(environment)), m_out(out), m_err(err)
    {}

    GlobalOptions options;

    const Environment& environment() const { return m_environment; }
    // The configuration files' settings, for what no flag or environment variable says. Sets
    // --plan and --lang from them, so that flags parsed after this override them.
    void set_config(Config config);
    std::ostream& err() { return m_err; }

    std::string db_path() const;
    // Opens the database. Only `plan load` creates a missing or empty one (`create`); the other
    // commands refuse it, so that one run in the wrong folder leaves no stray empty plantrack.db
    // behind, and a refused `log` on a 0-byte file leaves it 0 bytes. `check_whole_file`: the
    // bulk writes check every page first (store::OpenChecks).
    store::Database open_db(store::Database::Access access, bool create = false, bool check_whole_file = false) const;

    // --as-of, or today. Throws for a malformed date.
    core::Date as_of() const;
    // --known-at, if given. Throws for a malformed timestamp.
    std::optional<core::Timestamp> known_at() const;
    store::Cutoff cutoff() const { return {as_of(), known_at()}; }

    // --format, checked against what the command offers; `fallback` when not given.
    std::string format(const std::vector<std::string>& allowed, const std::string& fallback) const;

    // The label language: --lang, else the plan's.
    std::string language(const std::string& plan_language) const;

    // --color always or never; else never with NO_COLOR; else the configuration's color; else
    // (auto) when the output goes to a terminal. Throws for a --color that is none of auto, always, never.
    bool use_color() const;

    // How tables meet the terminal: fitted to its width when the output goes to it, ambiguous
    // characters as --east-asian-ambiguous or the locale says. Throws for a bad value.
    util::TableLayout table_layout() const;

    // The pager for long output, as git chooses it: none with --no-pager; else PLANTRACK_PAGER,
    // else the configuration's pager, else PAGER, else "less -FRX"; an empty value or "cat" means
    // none.
    std::optional<std::string> pager() const;

    // Writes a command's output to stdout — through the pager when stdout is a terminal and the
    // text is longer than its height — or to -o FILE (refusing to overwrite the database;
    // util::write_output_file says how a file is replaced and a device written). Whatever the
    // text came from, it goes out through util::neutralise: no terminal escape, bidi control or
    // invalid UTF-8 gets through (JSON and CSV written to a file keep their text exact but for
    // invalid UTF-8), and stderr says once when text that was not UTF-8 was replaced.
    void emit(const std::string& text);

    // The exit status of a command that ran: 0, or what it set (3 for --exit-status).
    int exit_status() const { return m_exit_status; }
    void set_exit_status(int status) { m_exit_status = status; }

private:
    // Whether the output goes to the terminal (not to -o FILE, not into a pipe).
    bool to_terminal() const;

    int m_exit_status = 0;
    Config m_config;
    Environment m_environment;
    // The format format() chose, which tells emit() whether the output is data (JSON, CSV).
    mutable std::string m_format;
    bool m_warned_invalid_utf8 = false;
    std::ostream& m_out;
    std::ostream& m_err;
};

} // namespace plantrack::cli
