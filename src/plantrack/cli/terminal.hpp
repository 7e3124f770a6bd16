#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "plantrack/util/text.hpp"

// What plantrack asks of the terminal it runs in: its size, how it shows ambiguous characters,
// and the pager that shows long output.
namespace plantrack::cli {

// The terminal's width and height in characters: COLUMNS and LINES when they are whole numbers,
// else what the terminal on `fd` reports; 0 when neither says.
struct TerminalSize
{
    std::size_t columns = 0;
    std::size_t rows = 0;
};
TerminalSize terminal_size(int fd, const char* columns_variable, const char* lines_variable);

// Wide for a Chinese, Japanese or Korean locale (LC_ALL, else LC_CTYPE, else LANG, such as
// "zh_CN.UTF-8"), whose terminals commonly show ambiguous characters in two columns; else narrow.
util::AmbiguousWidth ambiguous_width_of_locale(std::string_view locale);

// Sends `text` to `command` run by /bin/sh, as git does: LESS=FRX and LV=-c unless set, a
// broken pipe (the reader quit early) is not an error, and Ctrl-C goes to the pager alone.
// False when the pager could not be started (nothing was shown).
bool run_pager(const std::string& command, const std::string& text);

} // namespace plantrack::cli
