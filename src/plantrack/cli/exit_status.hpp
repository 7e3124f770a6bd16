#pragma once

#include <cstddef>

#include <CLI/CLI.hpp>

#include "plantrack/cli/context.hpp"

// --exit-status for the commands that list what needs attention (overdue, stale, owed), so that
// a scheduled job can act on a non-empty list, as `git diff --exit-code` does.
namespace plantrack::cli {

// The exit status of such a command under --exit-status when its list is not empty.
constexpr int k_exit_listed = 3;

// Adds --exit-status to `command`; `wanted` is set when it is given.
void add_exit_status_flag(CLI::App& command, bool& wanted);

// After the list is written: exit 3 when --exit-status was given (`wanted`) and `listed` > 0.
void exit_when_listed(Context& context, bool wanted, std::size_t listed);

} // namespace plantrack::cli
