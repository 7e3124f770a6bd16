#include "plantrack/cli/terminal.hpp"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "plantrack/util/text.hpp"

namespace plantrack::cli {

TerminalSize terminal_size(int fd, const char* columns_variable, const char* lines_variable)
{
    TerminalSize size;
    winsize window{};
    if (isatty(fd) != 0 && ioctl(fd, TIOCGWINSZ, &window) == 0) {
        size = {window.ws_col, window.ws_row};
    }
    // Set by the user (or a shell that exports them), they win, as for ls and less.
    if (columns_variable != nullptr) {
        if (const auto columns = util::parse_integer(columns_variable, 1, 100000)) {
            size.columns = static_cast<std::size_t>(*columns);
        }
    }
    if (lines_variable != nullptr) {
        if (const auto lines = util::parse_integer(lines_variable, 1, 100000)) {
            size.rows = static_cast<std::size_t>(*lines);
        }
    }
    return size;
}

util::AmbiguousWidth ambiguous_width_of_locale(std::string_view locale)
{
    for (const auto language : {"zh", "ja", "ko"}) {
        if (locale.starts_with(language)) {
            return util::AmbiguousWidth::wide;
        }
    }
    return util::AmbiguousWidth::narrow;
}

bool run_pager(const std::string& command, const std::string& text)
{
    setenv("LESS", "FRX", 0);
    setenv("LV", "-c", 0);
    std::fflush(stdout);
    FILE* pipe = popen(command.c_str(), "w");
    if (pipe == nullptr) {
        return false;
    }
    // The reader may quit before reading everything ('q' in less): that is not an error.
    auto* previous_pipe = std::signal(SIGPIPE, SIG_IGN);
    std::fwrite(text.data(), 1, text.size(), pipe);
    // While the pager runs, Ctrl-C is for it; plantrack waits for it to end.
    auto* previous_interrupt = std::signal(SIGINT, SIG_IGN);
    auto* previous_quit = std::signal(SIGQUIT, SIG_IGN);
    const int status = pclose(pipe);
    std::signal(SIGQUIT, previous_quit);
    std::signal(SIGINT, previous_interrupt);
    std::signal(SIGPIPE, previous_pipe);
    // 127: the shell did not find the command, so nothing was shown.
    return !(status == -1 || (WIFEXITED(status) && WEXITSTATUS(status) == 127));
}

} // namespace plantrack::cli
