#include "plantrack/cli/config.hpp"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "plantrack/util/error.hpp"
#include "plantrack/util/text.hpp"

namespace plantrack::cli {

namespace {

const std::vector<std::string> k_keys = {"db", "plan", "lang", "pager", "color"};

Diagnostic located(const std::string& path, const toml::source_region& where, std::string message)
{
    return {path, static_cast<int>(where.begin.line), static_cast<int>(where.begin.column), std::move(message)};
}

// One file's keys into `config`, each problem into `problems`.
void read_file(const ConfigFile& file, Config& config, std::vector<Diagnostic>& problems)
{
    toml::table table;
    try {
        table = toml::parse_file(file.path);
    } catch (const toml::parse_error& e) {
        problems.push_back(located(file.path, e.source(), util::printable(e.description())));
        return;
    }
    for (auto&& [key, node] : table) {
        const std::string name(key.str());
        const auto& where = node.source();
        if (std::find(k_keys.begin(), k_keys.end(), name) == k_keys.end()) {
            problems.push_back(located(file.path, key.source(),
                                       fmt::format("unknown key '{}'{} (keys: {})", util::printable(name),
                                                   util::did_you_mean(name, k_keys), util::join(k_keys, ", "))));
            continue;
        }
        const auto* text = node.as_string();
        if (text == nullptr) {
            problems.push_back(located(file.path, where, fmt::format("{} must be a string in quotes", name)));
            continue;
        }
        const std::string& value = text->get();
        if (name == "lang" && value != "zh" && value != "en") {
            problems.push_back(located(
                file.path, where, fmt::format("lang '{}' is not offered (one of: zh, en)", util::printable(value))));
        } else if (name == "color" && value != "auto" && value != "always" && value != "never") {
            problems.push_back(located(
                file.path, where,
                fmt::format("color '{}' is not offered (one of: auto, always, never)", util::printable(value))));
        } else if (name == "pager" && !file.user) {
            problems.push_back(located(file.path, where,
                                       "pager is read only from the user's config.toml: a folder's .plantrackrc "
                                       "must not choose a program to run"));
        } else {
            auto& slot = name == "db"      ? config.db
                         : name == "plan"  ? config.plan
                         : name == "lang"  ? config.lang
                         : name == "pager" ? config.pager
                                           : config.color;
            slot = value;
        }
    }
}

} // namespace

Config read_config(const std::vector<ConfigFile>& files)
{
    Config config;
    std::vector<Diagnostic> problems;
    std::string first_bad;
    for (const auto& file : files) {
        std::error_code ec;
        if (!std::filesystem::exists(file.path, ec)) {
            continue;
        }
        const auto before = problems.size();
        read_file(file, config, problems);
        if (problems.size() > before && first_bad.empty()) {
            first_bad = file.path;
        }
    }
    if (!problems.empty()) {
        throw InputError(problems, fmt::format("the configuration file '{}' is not valid", util::printable(first_bad)));
    }
    return config;
}

} // namespace plantrack::cli
