#include "plantrack/cli/filters.hpp"

#include <fmt/format.h>

#include "plantrack/core/typed_input.hpp"
#include "plantrack/util/error.hpp"
#include "plantrack/util/text.hpp"

namespace plantrack::cli {

void add_filter_options(CLI::App& command, FilterOptions& options, bool states)
{
    command.add_option("--area", options.area, "Only items of this area (its id A3 or number 三, 3)");
    command.add_option("--owner", options.owner, "Only items this owner leads or partners in");
    if (states) {
        command.add_option("--status", options.status,
                           "Only items in this status (a code or a label: on-track, 正常推进)");
        command.add_option("--light", options.light,
                           "Only items with this light: red, yellow, green, done, cancelled (or 红灯, 红 …)");
    }
}

std::string known_owner(const std::string& typed, const core::Plan& plan)
{
    std::vector<std::string> names;
    for (const auto& owner : plan.owners) {
        names.push_back(owner.name);
    }
    const auto trimmed = std::string(core::trim_typed(typed));
    if (std::find(names.begin(), names.end(), trimmed) == names.end()) {
        const auto nearest = core::nearest_name(trimmed, names);
        throw Error(
            fmt::format("unknown owner '{}'{}", typed, nearest ? fmt::format(", did you mean '{}'?", *nearest) : ""));
    }
    return trimmed;
}

report::ItemFilter make_filter(const FilterOptions& options, const core::Plan& plan)
{
    report::ItemFilter filter;
    if (!options.area.empty()) {
        const auto* area = core::find_typed_area(plan, options.area);
        if (area == nullptr) {
            std::vector<std::string> ids;
            for (const auto& known : plan.areas) {
                ids.push_back(known.id);
            }
            throw Error(fmt::format("unknown area '{}' (give its id or its number){}", options.area,
                                    util::did_you_mean(options.area, ids)));
        }
        filter.area = area->id;
    }
    if (!options.owner.empty()) {
        filter.owner = known_owner(options.owner, plan);
    }
    if (!options.status.empty()) {
        filter.status = core::parse_typed_status(options.status);
        if (!filter.status) {
            throw Error(fmt::format("unknown status '{}' (one of: {}){}", options.status,
                                    util::join(core::status_names(), ", "),
                                    util::did_you_mean(options.status, core::status_names())));
        }
    }
    if (!options.light.empty()) {
        filter.light = core::parse_typed_light(options.light);
        if (!filter.light) {
            throw Error(fmt::format("unknown light '{}' (one of: {}){}", options.light,
                                    util::join(core::light_names(), ", "),
                                    util::did_you_mean(options.light, core::light_names())));
        }
    }
    return filter;
}

} // namespace plantrack::cli
