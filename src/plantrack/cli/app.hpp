#pragma once

#include <iosfwd>

#include "plantrack/cli/context.hpp"

namespace plantrack::cli {

// Runs plantrack with `argv` in `environment`, writing to `out` and `err`.
// Returns the exit status: 0 success, 1 refused input or failure, 2 usage error, 3 a list that
// --exit-status asked about is not empty.
int run(int argc, const char* const* argv, const Environment& environment, std::ostream& out, std::ostream& err);

// The environment of this process: today's local date, the clock, the login name, PLANTRACK_DB,
// whether stdout is a terminal and its size (COLUMNS, LINES), NO_COLOR, the pagers
// (PLANTRACK_PAGER, PAGER), the locale.
Environment process_environment();

// main(): run() in the process environment.
int main(int argc, char** argv);

} // namespace plantrack::cli
