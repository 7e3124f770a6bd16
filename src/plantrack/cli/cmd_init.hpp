#pragma once

#include <CLI/CLI.hpp>

#include "plantrack/cli/context.hpp"

namespace plantrack::cli {

// plantrack init [--lang zh|en] [FILE]: writes a small commented plan template (default
// plan.yaml) that passes `plan check`, its period starting this year; never overwrites a file.
void add_init_command(CLI::App& app, Context& context);

// The template's text in `language` (zh or en), for a three-year plan from `first_year`.
std::string plan_template(const std::string& language, int first_year);

} // namespace plantrack::cli
