#include "plantrack/core/typed_input.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "plantrack/util/text.hpp"

namespace plantrack::core {

namespace {

constexpr std::string_view k_ideographic_space = "\xE3\x80\x80";

// The words people type for each status, beside its code: English labels and Chinese ones.
const std::array<std::pair<std::string_view, Status>, 20> k_status_words = {{
    {"not started", Status::not_started},
    {"on track", Status::on_track},
    {"at risk", Status::at_risk},
    {"未启动", Status::not_started},
    {"未开始", Status::not_started},
    {"正常推进", Status::on_track},
    {"正常", Status::on_track},
    {"推进中", Status::on_track},
    {"存在风险", Status::at_risk},
    {"有风险", Status::at_risk},
    {"风险", Status::at_risk},
    {"滞后", Status::delayed},
    {"延误", Status::delayed},
    {"已完成", Status::done},
    {"完成", Status::done},
    {"已取消", Status::cancelled},
    {"取消", Status::cancelled},
    {"not-started", Status::not_started},
    {"on-track", Status::on_track},
    {"at-risk", Status::at_risk},
}};

const std::array<std::pair<std::string_view, Light>, 10> k_light_words = {{
    {"红灯", Light::red},
    {"红", Light::red},
    {"黄灯", Light::yellow},
    {"黄", Light::yellow},
    {"绿灯", Light::green},
    {"绿", Light::green},
    {"已完成", Light::done},
    {"完成", Light::done},
    {"已取消", Light::cancelled},
    {"取消", Light::cancelled},
}};

const std::array<std::pair<std::string_view, std::string_view>, 26> k_column_words = {{
    {"item", "item"},         {"id", "item"},
    {"编号", "item"},         {"事项编号", "item"},
    {"任务编号", "item"},     {"date", "date"},
    {"日期", "date"},         {"填报日期", "date"},
    {"截至日期", "date"},     {"status", "status"},
    {"状态", "status"},       {"进展状态", "status"},
    {"本期状态", "status"},   {"progress", "progress"},
    {"进度", "progress"},     {"完成进度", "progress"},
    {"本期进度", "progress"}, {"note", "note"},
    {"说明", "note"},         {"备注", "note"},
    {"进展情况", "note"},     {"by", "by"},
    {"填报人", "by"},         {"reporter", "by"},
    {"报送人", "by"},         {"填表人", "by"},
}};

const std::array<std::string_view, 19> k_informational_columns = {
    "记录时间",         "recorded_at",       "kind",     "title",    "lead",     "due",
    "previous_status",  "previous_progress", "类型",     "名称",     "事项名称", "牵头单位",
    "截止日期",         "完成时限",          "上期状态", "上期进度", "recorded", "previous status",
    "previous progress"};

const std::array<std::string_view, 10> k_chinese_digits = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

std::string ascii_lower(std::string_view text)
{
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    return lower;
}

// Splits UTF-8 text into its characters (a stray byte counts as one), for abbreviation matching.
std::vector<std::string_view> characters(std::string_view text)
{
    std::vector<std::string_view> result;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        length = std::min(length, text.size() - i);
        result.push_back(text.substr(i, length));
        i += length;
    }
    return result;
}

bool holds_in_order(std::string_view candidate, const std::vector<std::string_view>& wanted)
{
    const auto have = characters(candidate);
    std::size_t next = 0;
    for (const auto& character : have) {
        if (next < wanted.size() && character == wanted[next]) {
            ++next;
        }
    }
    return next == wanted.size();
}

// Reads 1–2 (or exactly 4 for a year) ASCII digits at the front of `text`, consuming them.
std::optional<int> take_digits(std::string_view& text, std::size_t min_width, std::size_t max_width)
{
    std::size_t width = 0;
    int value = 0;
    while (width < text.size() && width < max_width && text[width] >= '0' && text[width] <= '9') {
        value = value * 10 + (text[width] - '0');
        ++width;
    }
    if (width < min_width || (width < text.size() && text[width] >= '0' && text[width] <= '9')) {
        return std::nullopt;
    }
    text.remove_prefix(width);
    return value;
}

bool take(std::string_view& text, std::string_view prefix)
{
    if (!text.starts_with(prefix)) {
        return false;
    }
    text.remove_prefix(prefix.size());
    return true;
}

} // namespace

std::string_view trim_typed(std::string_view text)
{
    for (;;) {
        const auto before = text.size();
        while (!text.empty() &&
               (text.front() == ' ' || text.front() == '\t' || text.front() == '\r' || text.front() == '\n')) {
            text.remove_prefix(1);
        }
        while (!text.empty() &&
               (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n')) {
            text.remove_suffix(1);
        }
        if (text.starts_with(k_ideographic_space)) {
            text.remove_prefix(k_ideographic_space.size());
        }
        if (text.ends_with(k_ideographic_space)) {
            text.remove_suffix(k_ideographic_space.size());
        }
        if (text.size() == before) {
            return text;
        }
    }
}

std::optional<Status> parse_typed_status(std::string_view text)
{
    text = trim_typed(text);
    if (auto status = parse_status(text)) {
        return status;
    }
    const auto lower = ascii_lower(text);
    if (auto status = parse_status(lower)) {
        return status;
    }
    for (const auto& [word, status] : k_status_words) {
        if (word == lower) {
            return status;
        }
    }
    return std::nullopt;
}

std::optional<Light> parse_typed_light(std::string_view text)
{
    text = trim_typed(text);
    const auto lower = ascii_lower(text);
    if (auto light = parse_light(lower)) {
        return light;
    }
    for (const auto& [word, light] : k_light_words) {
        if (word == text) {
            return light;
        }
    }
    return std::nullopt;
}

std::optional<int> parse_typed_progress(std::string_view text)
{
    text = trim_typed(text);
    if (text.ends_with("%")) {
        text.remove_suffix(1);
    } else if (text.ends_with("\xEF\xBC\x85")) { // the full-width ％ of a Chinese input method
        text.remove_suffix(3);
    }
    const auto value = util::parse_integer(trim_typed(text), 0, 100);
    if (!value) {
        return std::nullopt;
    }
    return static_cast<int>(*value);
}

std::optional<Date> parse_typed_date(std::string_view text)
{
    text = trim_typed(text);
    if (auto date = Date::parse(text)) {
        return date;
    }
    auto rest = text;
    const auto year = take_digits(rest, 4, 4);
    if (!year) {
        return std::nullopt;
    }
    std::string_view separator;
    for (const std::string_view candidate : {"-", "/", ".", "年"}) {
        if (rest.starts_with(candidate)) {
            separator = candidate;
            break;
        }
    }
    if (separator.empty()) {
        return std::nullopt;
    }
    rest.remove_prefix(separator.size());
    const auto month = take_digits(rest, 1, 2);
    const bool chinese = separator == "年";
    if (!month || !take(rest, chinese ? std::string_view("月") : separator)) {
        return std::nullopt;
    }
    const auto day = take_digits(rest, 1, 2);
    if (!day || (chinese && !take(rest, "日") && !take(rest, "号")) || !rest.empty()) {
        return std::nullopt;
    }
    if (*year < 1900 || *month < 1 || *month > 12 || *day < 1 || *day > 31) {
        return std::nullopt;
    }
    // Date::parse is the one judge of a real day.
    return Date::parse(fmt::format("{:04}-{:02}-{:02}", *year, *month, *day));
}

std::optional<int> parse_area_number(std::string_view text)
{
    text = trim_typed(text);
    if (auto value = util::parse_integer(text, 1, 99)) {
        return static_cast<int>(*value);
    }
    // Chinese numerals to 99: 三, 十, 十二, 二十, 二十三.
    auto digit_of = [](std::string_view character) -> std::optional<int> {
        for (std::size_t i = 1; i < k_chinese_digits.size(); ++i) {
            if (k_chinese_digits[i] == character) {
                return static_cast<int>(i);
            }
        }
        return std::nullopt;
    };
    const auto chars = characters(text);
    if (chars.empty() || chars.size() > 3) {
        return std::nullopt;
    }
    const auto ten = std::find(chars.begin(), chars.end(), std::string_view("十"));
    if (ten == chars.end()) {
        return chars.size() == 1 ? digit_of(chars[0]) : std::nullopt;
    }
    int tens = 1;
    if (ten != chars.begin()) {
        if (ten - chars.begin() != 1) {
            return std::nullopt;
        }
        const auto digit = digit_of(chars[0]);
        if (!digit || *digit == 1) {
            return std::nullopt;
        }
        tens = *digit;
    }
    int ones = 0;
    if (ten + 1 != chars.end()) {
        if (chars.end() - ten != 2) {
            return std::nullopt;
        }
        const auto digit = digit_of(*(ten + 1));
        if (!digit) {
            return std::nullopt;
        }
        ones = *digit;
    }
    return tens * 10 + ones;
}

const Area* find_typed_area(const Plan& plan, std::string_view text)
{
    text = trim_typed(text);
    if (const auto* area = plan.find_area(text)) {
        return area;
    }
    for (const auto& area : plan.areas) {
        if (!area.number.empty() && area.number == text) {
            return &area;
        }
    }
    const auto wanted = parse_area_number(text);
    if (!wanted) {
        return nullptr;
    }
    for (const auto& area : plan.areas) {
        if (parse_area_number(area.number) == wanted) {
            return &area;
        }
    }
    return nullptr;
}

std::optional<std::string> canonical_column(std::string_view header)
{
    const auto lower = ascii_lower(trim_typed(header));
    for (const auto& [word, column] : k_column_words) {
        if (word == lower) {
            return std::string(column);
        }
    }
    return std::nullopt;
}

bool is_informational_column(std::string_view header)
{
    const auto lower = ascii_lower(trim_typed(header));
    return std::find(k_informational_columns.begin(), k_informational_columns.end(), lower) !=
           k_informational_columns.end();
}

std::optional<std::string> nearest_name(std::string_view typed, const std::vector<std::string>& candidates)
{
    const auto wanted = characters(trim_typed(typed));
    if (wanted.size() >= 2 && wanted.size() <= 40) {
        std::optional<std::string> only;
        int matches = 0;
        for (const auto& candidate : candidates) {
            if (holds_in_order(candidate, wanted)) {
                only = candidate;
                ++matches;
            }
        }
        if (matches == 1) {
            return only;
        }
    }
    return util::nearest(typed, candidates);
}

} // namespace plantrack::core
