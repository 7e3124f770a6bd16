#pragma once

#include <string>
#include <string_view>

namespace plantrack::util {

// Text made safe inside HTML element content and quoted attribute values.
std::string html_escape(std::string_view text);

} // namespace plantrack::util
