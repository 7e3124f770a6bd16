#include "plantrack/util/encoding.hpp"

#include <cerrno>
#include <iconv.h>

namespace plantrack::util {

std::optional<std::string> to_utf8(std::string_view text, const std::string& encoding)
{
    iconv_t converter = iconv_open("UTF-8", encoding.c_str());
    if (converter == reinterpret_cast<iconv_t>(-1)) {
        return std::nullopt;
    }
    std::string out;
    std::string input(text);
    char* in_ptr = input.data();
    std::size_t in_left = input.size();
    char buffer[16384];
    bool ok = true;
    while (in_left > 0) {
        char* out_ptr = buffer;
        std::size_t out_left = sizeof buffer;
        const auto result = iconv(converter, &in_ptr, &in_left, &out_ptr, &out_left);
        out.append(buffer, static_cast<std::size_t>(out_ptr - buffer));
        if (result == static_cast<std::size_t>(-1) && errno != E2BIG) {
            ok = false;
            break;
        }
    }
    iconv_close(converter);
    if (!ok) {
        return std::nullopt;
    }
    return out;
}

std::optional<std::string> guess_encoding(std::string_view text)
{
    if (text.size() >= 2 && ((text[0] == '\xff' && text[1] == '\xfe') || (text[0] == '\xfe' && text[1] == '\xff'))) {
        return "UTF-16";
    }
    if (to_utf8(text, "GB18030")) {
        return "GB18030";
    }
    return std::nullopt;
}

} // namespace plantrack::util
