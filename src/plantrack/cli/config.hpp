#pragma once

#include <optional>
#include <string>
#include <vector>

// The configuration files: $XDG_CONFIG_HOME/plantrack/config.toml (else
// ~/.config/plantrack/config.toml), then .plantrackrc in the working folder, whose keys win.
// Both are TOML with the keys db, plan, lang, pager, color (docs/man/plantrack.1). A flag
// beats an environment variable, which beats these files.
namespace plantrack::cli {

struct Config
{
    std::optional<std::string> db;    // as --db
    std::optional<std::string> plan;  // as --plan
    std::optional<std::string> lang;  // as --lang: zh or en
    std::optional<std::string> pager; // as PLANTRACK_PAGER; only from the user's file
    std::optional<std::string> color; // as --color: auto, always or never
};

// A file to read, and whether it is the user's own (only that one may name a pager: a
// .plantrackrc in a folder one enters must not choose a program to run).
struct ConfigFile
{
    std::string path;
    bool user = false;
};

// The settings of `files`, later files overriding earlier ones; files that do not exist are
// skipped. Throws InputError with one located line per problem (FILE:LINE:COLUMN): not TOML, an
// unknown key (with the nearest one suggested), a value that is not a string or not one of its
// choices, pager in a .plantrackrc.
Config read_config(const std::vector<ConfigFile>& files);

} // namespace plantrack::cli
