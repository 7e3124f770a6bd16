#pragma once

#include <CLI/CLI.hpp>

#include "plantrack/cli/context.hpp"

namespace plantrack::cli {

// For `plantrack __complete WORD...`, which the bash and zsh completion scripts call (it is not a
// CLI11 command, so it is in no help): `words` are those typed after "plantrack", the last one
// being completed. Returns one candidate a line — commands, options, option values, and item,
// indicator, area and owner ids from the database — or the line ":files" when the shell should
// complete a file name. Never fails: a missing or unreadable database just gives no ids.
std::string complete_command_line(const CLI::App& app, Context& context, std::vector<std::string> words);

} // namespace plantrack::cli
