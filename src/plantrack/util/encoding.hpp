#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace plantrack::util {

// `text` converted from `encoding` (an iconv name such as "GB18030") to UTF-8, or nullopt when
// it is not valid in that encoding or the encoding is unknown.
std::optional<std::string> to_utf8(std::string_view text, const std::string& encoding);

// For text that is not UTF-8: the encoding it most likely is ("UTF-16" with its byte-order mark,
// "UTF-16LE" or "UTF-16BE" without one — text whose every other byte is 0 — and "GB18030" for
// what Chinese Excel saves), or nullopt when none fits.
std::optional<std::string> guess_encoding(std::string_view text);

// True if the start of a file (`head`, its first bytes) reads as UTF-8 text: valid UTF-8 but
// for a sequence cut at the end of `head`, and no NUL byte (UTF-16 is valid UTF-8 otherwise).
bool starts_as_utf8(std::string_view head);

} // namespace plantrack::util
