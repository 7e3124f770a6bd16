#pragma once

#include <CLI/CLI.hpp>

#include "plantrack/cli/context.hpp"
#include "plantrack/report/item_lists.hpp"

namespace plantrack::cli {

// --area, --owner, --status and --light as typed.
struct FilterOptions
{
    std::string area;
    std::string owner;
    std::string status;
    std::string light;
};

// Adds --area and --owner (and --status, --light when `states` is set) to a command.
void add_filter_options(CLI::App& command, FilterOptions& options, bool states);

// The declared owner `typed` names (spaces trimmed); an unknown one is refused with the nearest
// owner suggested (an abbreviation such as 发改委 included).
std::string known_owner(const std::string& typed, const core::Plan& plan);

// Checks the filter against the plan (unknown areas and owners get a suggestion).
report::ItemFilter make_filter(const FilterOptions& options, const core::Plan& plan);

} // namespace plantrack::cli
