#include "plantrack/util/encoding.hpp"

#include <cerrno>
#include <iconv.h>

#include "plantrack/util/text.hpp"

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

namespace {

// "UTF-16LE" or "UTF-16BE" when at least a third of the bytes at odd (LE) or even (BE) offsets
// of the first 4 KiB are 0 and hardly any at the others: ASCII and most CJK text in UTF-16.
std::optional<std::string> utf16_without_mark(std::string_view text)
{
    const auto sample = text.substr(0, 4096);
    std::size_t zero_even = 0;
    std::size_t zero_odd = 0;
    for (std::size_t i = 0; i < sample.size(); ++i) {
        if (sample[i] == '\0') {
            ++(i % 2 == 0 ? zero_even : zero_odd);
        }
    }
    const auto half = sample.size() / 2;
    if (half == 0) {
        return std::nullopt;
    }
    if (zero_odd * 3 >= half && zero_even * 10 < half) {
        return "UTF-16LE";
    }
    if (zero_even * 3 >= half && zero_odd * 10 < half) {
        return "UTF-16BE";
    }
    return std::nullopt;
}

} // namespace

bool starts_as_utf8(std::string_view head)
{
    if (head.find('\0') != std::string_view::npos) {
        return false;
    }
    const auto bad = first_invalid_utf8(head);
    // A character cut by the end of the sample is not an error: at most 3 bytes of a sequence.
    return !bad || (head.size() - *bad < 4 && static_cast<unsigned char>(head[*bad]) >= 0xc2 &&
                    !first_invalid_utf8(head.substr(0, *bad)));
}

std::optional<std::string> guess_encoding(std::string_view text)
{
    if (text.size() >= 2 && ((text[0] == '\xff' && text[1] == '\xfe') || (text[0] == '\xfe' && text[1] == '\xff'))) {
        return "UTF-16";
    }
    if (auto utf16 = utf16_without_mark(text)) {
        return utf16;
    }
    if (to_utf8(text, "GB18030")) {
        return "GB18030";
    }
    return std::nullopt;
}

} // namespace plantrack::util
