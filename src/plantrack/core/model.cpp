#include "plantrack/core/model.hpp"

#include <array>

namespace plantrack::core {

namespace {

constexpr std::array<std::string_view, 5> k_measure_names = {"level", "share", "annual-growth", "cumulative",
                                                             "change-from-baseline"};

} // namespace

std::string_view to_string(Measure measure)
{
    return k_measure_names[static_cast<std::size_t>(measure)];
}
std::string_view to_string(Direction direction)
{
    return direction == Direction::up ? "up" : "down";
}
std::string_view to_string(ItemKind kind)
{
    return kind == ItemKind::task ? "task" : "milestone";
}

std::optional<Measure> parse_measure(std::string_view text)
{
    for (std::size_t i = 0; i < k_measure_names.size(); ++i) {
        if (k_measure_names[i] == text) {
            return static_cast<Measure>(i);
        }
    }
    return std::nullopt;
}

std::optional<Direction> parse_direction(std::string_view text)
{
    if (text == "up") {
        return Direction::up;
    }
    if (text == "down") {
        return Direction::down;
    }
    return std::nullopt;
}

const std::vector<std::string>& measure_names()
{
    static const std::vector<std::string> k_names(k_measure_names.begin(), k_measure_names.end());
    return k_names;
}

const Item* Plan::find_item(std::string_view wanted) const
{
    if (m_item_index.size() != items.size()) {
        m_item_index.clear();
        for (std::size_t i = 0; i < items.size(); ++i) {
            m_item_index.emplace(items[i].id, i);
        }
    }
    const auto found = m_item_index.find(wanted);
    return found == m_item_index.end() ? nullptr : &items[found->second];
}

const Indicator* Plan::find_indicator(std::string_view wanted) const
{
    for (const auto& indicator : indicators) {
        if (indicator.id == wanted) {
            return &indicator;
        }
    }
    return nullptr;
}

const Area* Plan::find_area(std::string_view wanted) const
{
    for (const auto& area : areas) {
        if (area.id == wanted) {
            return &area;
        }
    }
    return nullptr;
}

std::vector<std::string> Plan::item_ids() const
{
    std::vector<std::string> ids;
    ids.reserve(items.size());
    for (const auto& item : items) {
        ids.push_back(item.id);
    }
    return ids;
}

} // namespace plantrack::core
