#include "plantrack/util/text.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unicode/uchar.h>
#include <utf8proc.h>

namespace plantrack::util {

namespace {

// The character at `offset`: its code point and byte length, or code point -1 and length 1
// for a byte that does not start a valid UTF-8 sequence. Every walk over text uses this.
struct Character
{
    std::int32_t code_point;
    std::size_t length;
};

Character character_at(std::string_view text, std::size_t offset)
{
    // ASCII, and three bytes led by E1–EC or EE–EF with two continuation bytes (always valid:
    // no overlong form, no surrogate; all of CJK), are decoded here: a call into utf8proc per
    // character was most of the cost of checking and measuring Chinese text at city scale.
    const auto byte = static_cast<unsigned char>(text[offset]);
    if (byte < 0x80) {
        return {byte, 1};
    }
    if (((byte >= 0xE1 && byte <= 0xEC) || byte >= 0xEE) && byte <= 0xEF && offset + 2 < text.size()) {
        const auto second = static_cast<unsigned char>(text[offset + 1]);
        const auto third = static_cast<unsigned char>(text[offset + 2]);
        if ((second & 0xC0) == 0x80 && (third & 0xC0) == 0x80) {
            return {static_cast<std::int32_t>(((byte & 0x0Fu) << 12) | ((second & 0x3Fu) << 6) | (third & 0x3Fu)), 3};
        }
    }
    utf8proc_int32_t code_point = 0;
    const auto length = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data()) + offset,
                                         static_cast<utf8proc_ssize_t>(text.size() - offset), &code_point);
    if (length <= 0) {
        return {-1, 1};
    }
    return {code_point, static_cast<std::size_t>(length)};
}

// Columns a character takes; a stray byte shows as one replacement character.
std::size_t width_of(const Character& character, AmbiguousWidth ambiguous = AmbiguousWidth::narrow)
{
    const auto code = character.code_point;
    if (code < 0) {
        return 1;
    }
    if (code < 0x80) {
        return code >= 0x20 && code != 0x7f ? 1 : 0; // ASCII: controls take no column
    }
    if (code >= 0x4E00 && code <= 0x9FFF) {
        return 2; // CJK Unified Ideographs are all Wide
    }
    const auto width = static_cast<std::size_t>(std::max(0, utf8proc_charwidth(code)));
    // utf8proc counts ambiguous characters as narrow; ICU knows which they are.
    if (ambiguous == AmbiguousWidth::wide && width == 1 &&
        u_getIntPropertyValue(code, UCHAR_EAST_ASIAN_WIDTH) == U_EA_AMBIGUOUS) {
        return 2;
    }
    return width;
}

} // namespace

std::optional<std::size_t> first_invalid_utf8(std::string_view text)
{
    for (std::size_t offset = 0; offset < text.size();) {
        const auto character = character_at(text, offset);
        if (character.code_point < 0) {
            return offset;
        }
        offset += character.length;
    }
    return std::nullopt;
}

bool is_valid_utf8(std::string_view text)
{
    return !first_invalid_utf8(text);
}

std::size_t display_width(std::string_view text, AmbiguousWidth ambiguous)
{
    std::size_t width = 0;
    for (std::size_t offset = 0; offset < text.size();) {
        const auto character = character_at(text, offset);
        width += width_of(character, ambiguous);
        offset += character.length;
    }
    return width;
}

std::string pad(std::string_view text, std::size_t width, bool right)
{
    const auto used = display_width(text);
    const std::string filler(used < width ? width - used : 0, ' ');
    return right ? filler + std::string(text) : std::string(text) + filler;
}

std::string single_line(std::string_view text)
{
    if (text.find_first_of("\n\r\t") == std::string_view::npos) {
        return std::string(text);
    }
    std::string out;
    out.reserve(text.size() + 8);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\r' || c == '\n') {
            out += "⏎";
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
                ++i;
            }
        } else if (c == '\t') {
            out += ' ';
        } else {
            out.push_back(c);
        }
    }
    return out;
}

std::string printable(std::string_view text, std::size_t max_bytes)
{
    std::string out;
    out.reserve(std::min(text.size(), max_bytes) + 8);
    std::size_t offset = 0;
    while (offset < text.size()) {
        if (out.size() >= max_bytes) {
            return out + "…";
        }
        const auto [code_point, length] = character_at(text, offset);
        if (code_point < 0) {
            out += fmt::format("\\x{:02X}", static_cast<unsigned char>(text[offset]));
            offset += 1;
            continue;
        }
        if (code_point == '\n') {
            out += "\\n";
        } else if ((code_point < 0x20 && code_point != '\t') || (code_point >= 0x7f && code_point <= 0x9f)) {
            out += fmt::format("\\x{:02X}", code_point);
        } else {
            out.append(text.substr(offset, length));
        }
        offset += length;
    }
    return out;
}

bool is_bidi_control(std::int32_t code_point)
{
    return code_point == 0x061c || code_point == 0x200e || code_point == 0x200f ||
           (code_point >= 0x202a && code_point <= 0x202e) || (code_point >= 0x2066 && code_point <= 0x2069);
}

std::optional<std::int32_t> find_bidi_control(std::string_view text)
{
    // Every bidi control is encoded starting with D8 (U+061C) or E2 (the others).
    if (text.find_first_of("\xD8\xE2") == std::string_view::npos) {
        return std::nullopt;
    }
    for (std::size_t offset = 0; offset < text.size();) {
        const auto character = character_at(text, offset);
        if (is_bidi_control(character.code_point)) {
            return character.code_point;
        }
        offset += character.length;
    }
    return std::nullopt;
}

std::string neutralise(std::string_view text, Neutralised& changes, bool keep_sgr, Neutralise what)
{
    constexpr std::string_view k_replacement = "\uFFFD";
    std::string out;
    out.reserve(text.size());
    std::size_t offset = 0;
    while (offset < text.size()) {
        // Most output is plain ASCII text: copy runs of it at once.
        const auto c = static_cast<unsigned char>(text[offset]);
        if (c >= 0x20 && c < 0x7f) {
            const auto start = offset;
            while (offset < text.size() && static_cast<unsigned char>(text[offset]) >= 0x20 &&
                   static_cast<unsigned char>(text[offset]) < 0x7f) {
                ++offset;
            }
            out.append(text.substr(start, offset - start));
            continue;
        }
        const auto [code_point, length] = character_at(text, offset);
        if (code_point < 0) {
            if (what == Neutralise::controls_only) {
                out.push_back(text[offset]);
            } else {
                out += k_replacement;
                ++changes.invalid_bytes;
            }
            offset += 1;
            continue;
        }
        if (what == Neutralise::invalid_utf8_only || code_point == '\n' || code_point == '\t') {
            out.append(text.substr(offset, length));
        } else if (code_point == 0x1b && keep_sgr) {
            // ESC [ (digits | ;)* m, and nothing else.
            std::size_t end = offset + 1;
            if (end < text.size() && text[end] == '[') {
                ++end;
                while (end < text.size() && ((text[end] >= '0' && text[end] <= '9') || text[end] == ';')) {
                    ++end;
                }
            }
            if (end > offset + 1 && end < text.size() && text[end] == 'm') {
                out.append(text.substr(offset, end + 1 - offset));
                offset = end + 1;
                continue;
            }
            out += "\u241B";
            ++changes.controls;
        } else if (code_point < 0x20) {
            // U+2400 + the control: the Unicode "control pictures" block.
            out += static_cast<char>(0xe2);
            out += static_cast<char>(0x90);
            out += static_cast<char>(0x80 + code_point);
            ++changes.controls;
        } else if (code_point == 0x7f) {
            out += "\u2421";
            ++changes.controls;
        } else if ((code_point >= 0x80 && code_point <= 0x9f) || is_bidi_control(code_point)) {
            out += k_replacement;
            ++changes.controls;
        } else {
            out.append(text.substr(offset, length));
        }
        offset += length;
    }
    return out;
}

std::string shorten(std::string_view text, std::size_t max_code_points)
{
    std::size_t offset = 0;
    std::size_t count = 0;
    while (offset < text.size()) {
        if (count == max_code_points) {
            return std::string(text.substr(0, offset)) + "…";
        }
        offset += character_at(text, offset).length;
        ++count;
    }
    return std::string(text);
}

std::string truncate_to_width(std::string_view text, std::size_t width, AmbiguousWidth ambiguous)
{
    if (display_width(text, ambiguous) <= width) {
        return std::string(text);
    }
    std::string out;
    std::size_t used = 0;
    for (std::size_t offset = 0; offset < text.size();) {
        const auto character = character_at(text, offset);
        const auto columns = width_of(character, ambiguous);
        // "…" itself is ambiguous.
        if (used + columns + (ambiguous == AmbiguousWidth::wide ? 2 : 1) > width) {
            break;
        }
        out.append(text.substr(offset, character.length));
        used += columns;
        offset += character.length;
    }
    return out + "…";
}

namespace {

// The code points of `text`; a byte that is not part of valid UTF-8 stands for itself, shifted
// past the Unicode range so it never equals a real character.
std::vector<std::int32_t> code_points(std::string_view text)
{
    std::vector<std::int32_t> out;
    out.reserve(text.size());
    for (std::size_t offset = 0; offset < text.size();) {
        const auto character = character_at(text, offset);
        out.push_back(character.code_point < 0 ? 0x110000 + static_cast<unsigned char>(text[offset])
                                               : character.code_point);
        offset += character.length;
    }
    return out;
}

// Levenshtein distance counted in characters, so one Chinese character is one edit, not three.
std::size_t edit_distance(const std::vector<std::int32_t>& a, const std::vector<std::int32_t>& b)
{
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        row[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

} // namespace

std::optional<std::string> nearest(std::string_view word, const std::vector<std::string>& candidates)
{
    // Long inputs are not typos of anything; comparing them would only cost time.
    if (word.empty() || word.size() > 800) {
        return std::nullopt;
    }
    const auto wanted = code_points(word);
    if (wanted.size() > 200) {
        return std::nullopt;
    }
    const std::size_t allowed = std::max<std::size_t>(1, std::min<std::size_t>(3, wanted.size() / 3 + 1));
    std::optional<std::string> best;
    std::size_t best_distance = allowed + 1;
    for (const auto& candidate : candidates) {
        // A character is 1 to 4 bytes: skip candidates that cannot be near before decoding them.
        if (candidate.size() + allowed * 4 < wanted.size() || candidate.size() > word.size() * 4 + allowed * 4) {
            continue;
        }
        const auto other = code_points(candidate);
        if (other.size() > wanted.size() + allowed || wanted.size() > other.size() + allowed) {
            continue;
        }
        const auto distance = edit_distance(wanted, other);
        if (distance < best_distance) {
            best_distance = distance;
            best = candidate;
        }
    }
    return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates)
{
    if (auto suggestion = nearest(word, candidates)) {
        return fmt::format(", did you mean '{}'?", *suggestion);
    }
    return "";
}

std::optional<long long> parse_integer(std::string_view text, long long min, long long max)
{
    long long value = 0;
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc() || ptr != end || value < min || value > max) {
        return std::nullopt;
    }
    return value;
}

std::optional<double> parse_number(std::string_view text)
{
    if (text.empty() || text.size() > 64) {
        return std::nullopt;
    }
    // A leading plus is how people write a positive change ("+5"); one sign only.
    if (text.front() == '+') {
        text.remove_prefix(1);
        if (text.empty() || text.front() == '-' || text.front() == '+') {
            return std::nullopt;
        }
    }
    double value = 0;
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || ptr != end || !std::isfinite(value)) {
        return std::nullopt;
    }
    // "-0" reads as zero, not as a negative number.
    return value == 0.0 ? 0.0 : value;
}

std::string format_number(double value)
{
    if (value == 0.0) {
        return "0";
    }
    return fmt::format("{}", value);
}

std::string format_rounded(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return format_number(std::round(value * scale) / scale);
}

std::string format_one_decimal(double value)
{
    const double rounded = std::round(value * 10.0) / 10.0;
    return fmt::format("{:.1f}", rounded == 0.0 ? 0.0 : rounded);
}

std::string join(const std::vector<std::string>& parts, std::string_view separator)
{
    return fmt::format("{}", fmt::join(parts, separator));
}

} // namespace plantrack::util

namespace plantrack::util {

bool natural_less(std::string_view a, std::string_view b)
{
    std::size_t i = 0;
    std::size_t j = 0;
    auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
    while (i < a.size() && j < b.size()) {
        if (is_digit(a[i]) && is_digit(b[j])) {
            std::size_t i_end = i;
            std::size_t j_end = j;
            while (i_end < a.size() && is_digit(a[i_end])) {
                ++i_end;
            }
            while (j_end < b.size() && is_digit(b[j_end])) {
                ++j_end;
            }
            // Compare by value without converting: strip leading zeros, then length, then digits.
            auto strip = [](std::string_view s) {
                const auto first = s.find_first_not_of('0');
                return first == std::string_view::npos ? std::string_view{} : s.substr(first);
            };
            const auto x = strip(a.substr(i, i_end - i));
            const auto y = strip(b.substr(j, j_end - j));
            if (x.size() != y.size()) {
                return x.size() < y.size();
            }
            if (x != y) {
                return x < y;
            }
            i = i_end;
            j = j_end;
            continue;
        }
        if (a[i] != b[j]) {
            return a[i] < b[j];
        }
        ++i;
        ++j;
    }
    if (a.size() - i != b.size() - j) {
        return a.size() - i < b.size() - j;
    }
    // Equal by value ("01" and "1"): order by bytes, so sorting stays deterministic.
    return a < b;
}

} // namespace plantrack::util
