// plantrack __complete WORD... (hidden; for completions/plantrack.bash and completions/_plantrack)
#include "plantrack/cli/cmd_complete.hpp"

#include <filesystem>
#include <set>

#include "plantrack/store/plan_store.hpp"

namespace plantrack::cli {

namespace {

const std::string k_files = ":files";

// The option of `command` (or of a command above it) named `word` ("--db", "-o"), if any.
const CLI::Option* find_option(const CLI::App* command, const std::string& word)
{
    for (; command != nullptr; command = command->get_parent()) {
        for (const auto* option : command->get_options()) {
            if (option->nonpositional() && option->check_name(word)) {
                return option;
            }
        }
    }
    return nullptr;
}

bool takes_value(const CLI::Option* option)
{
    return option != nullptr && option->get_type_size() > 0;
}

// Ids from the database the words name (--db, --plan), or from the default one.
struct Ids
{
    std::vector<std::string> items, indicators, areas, owners, plans;
};

Ids read_ids(Context& context)
{
    Ids ids;
    try {
        if (!std::filesystem::exists(context.db_path())) {
            return ids;
        }
        auto db = context.open_db(store::Database::Access::read);
        ids.plans = store::plan_ids(db);
        const auto plan = store::read_plan(db, store::resolve_plan_id(db, context.options.plan));
        ids.items = plan.item_ids();
        for (const auto& indicator : plan.indicators) {
            ids.indicators.push_back(indicator.id);
        }
        for (const auto& area : plan.areas) {
            ids.areas.push_back(area.id);
        }
        for (const auto& owner : plan.owners) {
            ids.owners.push_back(owner.name);
        }
    } catch (const std::exception&) {
        // Completing must never print an error into the middle of a command line.
    }
    return ids;
}

// The values an option takes; ":files" for a path.
std::vector<std::string> option_values(const std::string& name, Context& context)
{
    if (name == "--db" || name == "-o" || name == "--output") {
        return {k_files};
    }
    if (name == "--status") {
        return core::status_names();
    }
    if (name == "--light") {
        return core::light_names();
    }
    if (name == "--format") {
        return {"table", "json", "csv", "md", "html"};
    }
    if (name == "--lang") {
        return {"zh", "en"};
    }
    if (name == "--color") {
        return {"auto", "always", "never"};
    }
    if (name == "--east-asian-ambiguous") {
        return {"wide", "narrow"};
    }
    if (name == "--area") {
        return read_ids(context).areas;
    }
    if (name == "--owner" || name == "--by") {
        return read_ids(context).owners;
    }
    if (name == "--plan") {
        return read_ids(context).plans;
    }
    return {};
}

std::vector<std::string> complete(const CLI::App& app, Context& context, std::vector<std::string> words)
{
    if (words.empty()) {
        words.emplace_back();
    }
    const std::string current = words.back();
    const CLI::App* command = &app;
    std::size_t positionals = 0;
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        const auto& word = words[i];
        if (word.starts_with("-")) {
            const auto* option = find_option(command, word.substr(0, word.find('=')));
            if (takes_value(option) && word.find('=') == std::string::npos && i + 2 < words.size()) {
                // The database and plan the command line names are the ones to take ids from.
                if (option->check_name("--db")) {
                    context.options.db = words[i + 1];
                } else if (option->check_name("--plan")) {
                    context.options.plan = words[i + 1];
                }
                ++i;
            }
            continue;
        }
        const CLI::App* sub = nullptr;
        for (const auto* candidate : command->get_subcommands([](const CLI::App*) { return true; })) {
            if (candidate->check_name(word)) {
                sub = candidate;
            }
        }
        if (sub != nullptr && positionals == 0) {
            command = sub;
        } else {
            ++positionals;
        }
    }
    if (words.size() >= 2) {
        const auto& previous = words[words.size() - 2];
        const auto* option = find_option(command, previous);
        if (previous.starts_with("-") && takes_value(option)) {
            return option_values(option->get_lnames().empty() ? previous : "--" + option->get_lnames().front(),
                                 context);
        }
    }
    std::vector<std::string> candidates;
    if (current.starts_with("-")) {
        std::set<std::string> seen;
        for (const CLI::App* level = command; level != nullptr; level = level->get_parent()) {
            for (const auto* option : level->get_options()) {
                if (!option->nonpositional()) {
                    continue;
                }
                for (const auto& name : option->get_lnames()) {
                    if (seen.insert("--" + name).second) {
                        candidates.push_back("--" + name);
                    }
                }
                for (const auto& name : option->get_snames()) {
                    if (seen.insert("-" + name).second) {
                        candidates.push_back("-" + name);
                    }
                }
            }
        }
        return candidates;
    }
    const auto subcommands = command->get_subcommands([](const CLI::App*) { return true; });
    if (!subcommands.empty() && positionals == 0) {
        for (const auto* sub : subcommands) {
            candidates.push_back(sub->get_name());
        }
        return candidates;
    }
    std::vector<const CLI::Option*> positional_options;
    for (const auto* option : command->get_options()) {
        if (option->get_positional()) {
            positional_options.push_back(option);
        }
    }
    if (positionals >= positional_options.size()) {
        return candidates;
    }
    const auto& name = positional_options[positionals]->get_name();
    if (name == "ITEM") {
        return read_ids(context).items;
    }
    if (name == "ID") {
        return read_ids(context).indicators;
    }
    if (name == "FILE" || name == "DIR") {
        return {k_files};
    }
    return candidates;
}

} // namespace

std::string complete_command_line(const CLI::App& app, Context& context, std::vector<std::string> words)
{
    if (!words.empty() && words.front() == "--") {
        words.erase(words.begin());
    }
    std::string text;
    for (const auto& candidate : complete(app, context, words)) {
        text += candidate + '\n';
    }
    return text;
}

} // namespace plantrack::cli
