#pragma once

#include <functional>
#include <optional>
#include <string>

#include "plantrack/core/date.hpp"
#include "plantrack/store/database.hpp"
#include "plantrack/store/update_store.hpp"

namespace plantrack::cli {

// What the program takes from the world, passed in so tests control it.
struct Environment
{
    core::Date today;
    core::Timestamp now = 0;
    std::string user;                       // the login name, the default reporter
    std::optional<std::string> db_from_env; // PLANTRACK_DB
    bool stdout_is_terminal = false;
    bool no_color = false; // NO_COLOR is set
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
};

// What a command needs to run: the environment, the global options, and where output goes.
class Context
{
public:
    Context(Environment environment, std::ostream& out, std::ostream& err)
        : m_environment(std::move(environment)), m_out(out), m_err(err)
    {}

    GlobalOptions options;
    // The exit status of a command that succeeded but has something to signal (owed --exit-status: 3).
    int exit_status = 0;

    const Environment& environment() const { return m_environment; }
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

    // Colour only on a terminal, without NO_COLOR, and never into a file.
    bool use_color() const;

    // Writes a command's output to stdout or to -o FILE (refusing to overwrite the database;
    // util::write_output_file says how a file is replaced and a device written). Whatever the
    // text came from (a plan, a CSV file, another tool writing to the database), it goes out
    // through util::neutralise: no terminal escape, bidi control or invalid UTF-8 gets through
    // (JSON and CSV written to a file keep their text exact but for invalid UTF-8), and stderr
    // says once when text that was not UTF-8 was replaced.
    void emit(const std::string& text);

private:
    Environment m_environment;
    // The format format() chose, which tells emit() whether the output is data (JSON, CSV).
    mutable std::string m_format;
    bool m_warned_invalid_utf8 = false;
    std::ostream& m_out;
    std::ostream& m_err;
};

} // namespace plantrack::cli
