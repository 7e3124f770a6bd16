#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plantrack::util {

// True if `text` is well-formed UTF-8.
bool is_valid_utf8(std::string_view text);

// The byte offset of the first byte of `text` that is not part of valid UTF-8, if any.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

// How a terminal shows characters of East Asian Ambiguous width (“ ” — … ○ ①): in 1 column
// (most terminals) or in 2 (a CJK terminal set so, e.g. xterm -cjk_width, or a CJK locale's).
enum class AmbiguousWidth { narrow, wide };

// Columns a terminal gives `text`: East Asian Wide and Fullwidth characters take 2,
// combining marks and other zero-width characters 0, ambiguous ones as `ambiguous` says,
// everything else 1.
std::size_t display_width(std::string_view text, AmbiguousWidth ambiguous = AmbiguousWidth::narrow);

// `text` padded with spaces to `width` columns (left-aligned, or right-aligned when `right`).
std::string pad(std::string_view text, std::size_t width, bool right = false);

// `text` on one terminal line: each line break (LF, CR or CRLF) shown as "⏎", a tab as a space.
// For terminal output only; JSON and CSV keep the text exact.
std::string single_line(std::string_view text);

// `text` safe to print as (part of) one line of a message: control characters (C0 other than tab,
// DEL, C1) and bytes that are not UTF-8 are shown as "\xNN" ("\n" for a line feed), and text past
// `max_bytes` is cut at a character boundary, ending in "…".
std::string printable(std::string_view text, std::size_t max_bytes = 4000);

// True for the Unicode bidirectional controls (U+061C, U+200E, U+200F, U+202A–U+202E,
// U+2066–U+2069), which reorder what a reader sees around them ("Trojan Source").
bool is_bidi_control(std::int32_t code_point);

// The first bidi control in `text` (valid UTF-8), if any.
std::optional<std::int32_t> find_bidi_control(std::string_view text);

// What neutralise() changed, so the caller can say so once.
struct Neutralised
{
    std::size_t invalid_bytes = 0; // bytes that were not UTF-8, each shown as U+FFFD
    std::size_t controls = 0;      // control characters and bidi controls, shown visibly
};

// What neutralise() replaces.
enum class Neutralise {
    everything,        // controls, bidi controls and bytes that are not UTF-8
    invalid_utf8_only, // for JSON and CSV written to a file, whose text is data and stays exact
    controls_only,     // for a table measuring its cells (emit() replaces and counts the bytes)
};

// `text` made safe to show to a person (a terminal, a Markdown or HTML page), whatever wrote
// it: every byte that is not UTF-8 becomes U+FFFD; a C0 control (other than line feed and tab)
// becomes its Unicode control picture (ESC as "␛", BEL as "␇"), DEL "␡", a C1 control and a bidi
// control U+FFFD — so no escape sequence (colours, OSC 52 clipboard, titles) reaches the
// terminal and no text is reordered. With `keep_sgr`, colour sequences (ESC [ digits and
// semicolons m, which plantrack writes when colour is on) are kept.
std::string neutralise(std::string_view text, Neutralised& changes, bool keep_sgr = false,
                       Neutralise what = Neutralise::everything);

// `text` cut to at most `max_code_points` characters, never inside one, ending in "…" when cut.
std::string shorten(std::string_view text, std::size_t max_code_points);

// `text` cut to at most `width` columns, ending in "…" when cut.
std::string truncate_to_width(std::string_view text, std::size_t width,
                              AmbiguousWidth ambiguous = AmbiguousWidth::narrow);

// The candidate nearest to `word` by edit distance in characters (code points, so one Chinese
// character is one edit), if it is near enough to be a likely typo.
std::optional<std::string> nearest(std::string_view word, const std::vector<std::string>& candidates);

// ", did you mean 'X'?" for the nearest candidate, or "" when none is near.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

// Whole decimal number in [min, max]; nullopt for anything else (signs, spaces, overflow, "1e3").
std::optional<long long> parse_integer(std::string_view text, long long min, long long max);

// A finite decimal number ("12", "-3.5", "+5", "1e3"); nullopt for anything else.
std::optional<double> parse_number(std::string_view text);

// Shortest text that reads back as `value` ("12", "12.5", "-0.3").
std::string format_number(double value);

// `value` rounded to at most `decimals` decimals, without trailing zeros ("12.75", "8600").
std::string format_rounded(double value, int decimals);

// `value` rounded to one decimal, as text ("42.0").
std::string format_one_decimal(double value);

std::string join(const std::vector<std::string>& parts, std::string_view separator);

} // namespace plantrack::util

namespace plantrack::util {

// Orders ids as people read them: digit runs by value, so "2" < "10" and "13.2" < "13.10".
bool natural_less(std::string_view a, std::string_view b);

} // namespace plantrack::util
