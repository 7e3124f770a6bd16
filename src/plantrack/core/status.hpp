#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include <fmt/format.h>

namespace plantrack::core {

// What a department reports an item's state to be.
enum class Status { not_started, on_track, at_risk, delayed, done, cancelled };

// The computed 红黄绿灯, never stored. Done and cancelled items are not lit.
enum class Light { red, yellow, green, done, cancelled };

std::string_view to_string(Status status);
std::string_view to_string(Light light);
std::optional<Status> parse_status(std::string_view text);
std::optional<Light> parse_light(std::string_view text);
const std::vector<std::string>& status_names();
const std::vector<std::string>& light_names();

// Whether a status must come with a note giving the reason.
inline bool needs_reason(Status status)
{
    return status == Status::at_risk || status == Status::delayed;
}

} // namespace plantrack::core

template <>
struct fmt::formatter<plantrack::core::Status> : fmt::formatter<std::string_view>
{
    auto format(plantrack::core::Status status, format_context& ctx) const
    {
        return fmt::formatter<std::string_view>::format(plantrack::core::to_string(status), ctx);
    }
};

template <>
struct fmt::formatter<plantrack::core::Light> : fmt::formatter<std::string_view>
{
    auto format(plantrack::core::Light light, format_context& ctx) const
    {
        return fmt::formatter<std::string_view>::format(plantrack::core::to_string(light), ctx);
    }
};
