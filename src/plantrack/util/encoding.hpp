#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace plantrack::util {

// `text` converted from `encoding` (an iconv name such as "GB18030") to UTF-8, or nullopt when
// it is not valid in that encoding or the encoding is unknown.
std::optional<std::string> to_utf8(std::string_view text, const std::string& encoding);

// For text that is not UTF-8: the encoding it most likely is ("GB18030" for what Chinese Excel
// saves, "UTF-16" with its byte-order mark), or nullopt when none fits.
std::optional<std::string> guess_encoding(std::string_view text);

} // namespace plantrack::util
