#include "plantrack/cli/context.hpp"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "plantrack/cli/terminal.hpp"
#include "plantrack/util/error.hpp"
#include "plantrack/util/file.hpp"
#include "plantrack/util/text.hpp"

namespace plantrack::cli {

void Context::set_config(Config config)
{
    m_config = std::move(config);
    if (m_config.plan) {
        options.plan = m_config.plan;
    }
    if (m_config.lang) {
        options.lang = *m_config.lang;
    }
}

std::string Context::db_path() const
{
    if (!options.db.empty()) {
        return options.db;
    }
    if (m_environment.db_from_env && !m_environment.db_from_env->empty()) {
        return *m_environment.db_from_env;
    }
    if (m_config.db && !m_config.db->empty()) {
        return *m_config.db;
    }
    return "plantrack.db";
}

store::Database Context::open_db(store::Database::Access access, bool create, bool check_whole_file) const
{
    const auto path = db_path();
    std::error_code ec;
    if (access == store::Database::Access::write && !create && !std::filesystem::exists(path, ec)) {
        throw Error(
            fmt::format("no database at '{}'; create one with 'plantrack plan load FILE' (or give --db)", path));
    }
    return store::Database::open(path, access, {.require_schema = !create, .whole_file = check_whole_file});
}

core::Date Context::as_of() const
{
    if (options.as_of.empty()) {
        return m_environment.today;
    }
    const auto date = core::Date::parse(options.as_of);
    if (!date) {
        throw Error(fmt::format("--as-of '{}' is not a valid date (expected YYYY-MM-DD)", options.as_of));
    }
    return *date;
}

std::optional<core::Timestamp> Context::known_at() const
{
    if (options.known_at.empty()) {
        return std::nullopt;
    }
    const auto timestamp = core::parse_timestamp(options.known_at);
    if (!timestamp) {
        throw Error(fmt::format("--known-at '{}' is not an ISO 8601 time with a zone (such as "
                                "2024-07-05T09:00:00+08:00 or 2024-07-05T01:00:00Z)",
                                options.known_at));
    }
    return timestamp;
}

std::string Context::format(const std::vector<std::string>& allowed, const std::string& fallback) const
{
    if (options.format.empty()) {
        m_format = fallback;
        return fallback;
    }
    if (std::find(allowed.begin(), allowed.end(), options.format) == allowed.end()) {
        throw Error(
            fmt::format("--format '{}' is not offered here (one of: {})", options.format, util::join(allowed, ", ")));
    }
    m_format = options.format;
    return options.format;
}

std::string Context::language(const std::string& plan_language) const
{
    if (options.lang.empty()) {
        return plan_language == "en" ? "en" : "zh";
    }
    if (options.lang != "zh" && options.lang != "en") {
        throw Error(fmt::format("--lang '{}' is not offered (one of: zh, en)", options.lang));
    }
    return options.lang;
}

bool Context::to_terminal() const
{
    return (options.output.empty() || options.output == "-") && m_environment.stdout_is_terminal;
}

bool Context::use_color() const
{
    const auto& when = options.color.empty() && !m_environment.no_color ? m_config.color.value_or("") : options.color;
    if (!when.empty() && when != "auto" && when != "always" && when != "never") {
        throw Error(fmt::format("--color '{}' is not offered (one of: auto, always, never)", when));
    }
    if (when == "always" || when == "never") {
        return when == "always";
    }
    if (when.empty() && m_environment.no_color) {
        return false;
    }
    return to_terminal();
}

util::TableLayout Context::table_layout() const
{
    util::TableLayout layout;
    layout.width = to_terminal() ? m_environment.terminal_columns : 0;
    layout.color = use_color();
    const auto& ambiguous = options.east_asian_ambiguous;
    if (ambiguous.empty()) {
        layout.ambiguous = ambiguous_width_of_locale(m_environment.locale);
    } else if (ambiguous == "wide" || ambiguous == "narrow") {
        layout.ambiguous = ambiguous == "wide" ? util::AmbiguousWidth::wide : util::AmbiguousWidth::narrow;
    } else {
        throw Error(fmt::format("--east-asian-ambiguous '{}' is not offered (one of: wide, narrow)", ambiguous));
    }
    return layout;
}

std::optional<std::string> Context::pager() const
{
    if (options.no_pager) {
        return std::nullopt;
    }
    std::string command = "less -FRX";
    if (m_environment.plantrack_pager) {
        command = *m_environment.plantrack_pager;
    } else if (m_config.pager) {
        command = *m_config.pager;
    } else if (m_environment.pager) {
        command = *m_environment.pager;
    }
    if (command.find_first_not_of(" \t") == std::string::npos || command == "cat") {
        return std::nullopt;
    }
    return command;
}

void Context::emit(const std::string& raw)
{
    const bool to_stdout = options.output.empty() || options.output == "-";
    const bool data = m_format == "json" || m_format == "csv";
    util::Neutralised changes;
    const std::string text =
        util::neutralise(raw, changes, use_color(),
                         data && !(to_stdout && m_environment.stdout_is_terminal) ? util::Neutralise::invalid_utf8_only
                                                                                  : util::Neutralise::everything);
    if (changes.invalid_bytes > 0 && !m_warned_invalid_utf8) {
        m_warned_invalid_utf8 = true;
        m_err << fmt::format(
            "plantrack: warning: {} byte{} of stored text {} not UTF-8 and {} shown as U+FFFD (\uFFFD)\n",
            changes.invalid_bytes, changes.invalid_bytes == 1 ? "" : "s", changes.invalid_bytes == 1 ? "is" : "are",
            changes.invalid_bytes == 1 ? "is" : "are");
    }
    if (to_stdout) {
        if (m_environment.stdout_is_terminal && m_environment.run_pager) {
            // Longer than the screen (24 lines when the terminal does not say): git would page it.
            const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
            const auto rows = m_environment.terminal_rows > 0 ? m_environment.terminal_rows : 24;
            if (lines >= rows) {
                if (const auto command = pager(); command && m_environment.run_pager(*command, text)) {
                    return;
                }
            }
        }
        m_out << text;
        m_out.flush();
        return;
    }
    std::error_code ec;
    // absolute() first: libstdc++'s weakly_canonical leaves a relative path relative when the
    // file does not exist yet ("plantrack.db-journal"), and the comparison would miss it.
    auto resolved = [&ec](const std::string& path) {
        return std::filesystem::weakly_canonical(std::filesystem::absolute(path, ec), ec).string();
    };
    const auto db = resolved(db_path());
    const auto target = resolved(options.output);
    if (target == db || target == db + "-wal" || target == db + "-shm" || target == db + "-journal") {
        throw Error(fmt::format("-o '{}' is the database itself; choose another file", options.output));
    }
    util::write_output_file(options.output, text, options.output);
}

} // namespace plantrack::cli
