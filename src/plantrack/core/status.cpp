#include "plantrack/core/status.hpp"

#include <array>
#include <string>

namespace plantrack::core {

namespace {

constexpr std::array<std::string_view, 6> k_status_names = {"not-started", "on-track", "at-risk",
                                                            "delayed",     "done",     "cancelled"};
constexpr std::array<std::string_view, 5> k_light_names = {"red", "yellow", "green", "done", "cancelled"};

} // namespace

std::string_view to_string(Status status)
{
    return k_status_names[static_cast<std::size_t>(status)];
}
std::string_view to_string(Light light)
{
    return k_light_names[static_cast<std::size_t>(light)];
}

std::optional<Status> parse_status(std::string_view text)
{
    for (std::size_t i = 0; i < k_status_names.size(); ++i) {
        if (k_status_names[i] == text) {
            return static_cast<Status>(i);
        }
    }
    return std::nullopt;
}

std::optional<Light> parse_light(std::string_view text)
{
    for (std::size_t i = 0; i < k_light_names.size(); ++i) {
        if (k_light_names[i] == text) {
            return static_cast<Light>(i);
        }
    }
    return std::nullopt;
}

const std::vector<std::string>& status_names()
{
    static const std::vector<std::string> k_names(k_status_names.begin(), k_status_names.end());
    return k_names;
}

const std::vector<std::string>& light_names()
{
    static const std::vector<std::string> k_names(k_light_names.begin(), k_light_names.end());
    return k_names;
}

} // namespace plantrack::core
