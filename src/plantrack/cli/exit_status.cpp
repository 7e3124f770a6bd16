#include "plantrack/cli/exit_status.hpp"

namespace plantrack::cli {

void add_exit_status_flag(CLI::App& command, bool& wanted)
{
    command.add_flag("--exit-status", wanted, "Exit with status 3 when the list is not empty (for scheduled jobs)");
}

void exit_when_listed(Context& context, bool wanted, std::size_t listed)
{
    if (wanted && listed > 0) {
        context.set_exit_status(k_exit_listed);
    }
}

} // namespace plantrack::cli
