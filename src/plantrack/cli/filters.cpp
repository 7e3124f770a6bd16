#include "plantrack/cli/filters.hpp"

#include <fmt/format.h>

#include "plantrack/util/error.hpp"
#include "plantrack/util/text.hpp"

namespace plantrack::cli {

void add_filter_options(CLI::App& command, FilterOptions& options, bool states)
{
    command.add_option("--area", options.area, "Only items of this area (its id, e.g. A3)");
    command.add_option("--owner", options.owner, "Only items this owner leads or partners in");
    if (states) {
        command.add_option("--status", options.status, "Only items in this status");
        command.add_option("--light", options.light, "Only items with this light: red, yellow, green, done, cancelled");
    }
}

report::ItemFilter make_filter(const FilterOptions& options, const core::Plan& plan)
{
    report::ItemFilter filter;
    if (!options.area.empty()) {
        if (plan.find_area(options.area) == nullptr) {
            std::vector<std::string> ids;
            for (const auto& area : plan.areas) {
                ids.push_back(area.id);
            }
            throw Error(fmt::format("unknown area '{}'{}", options.area, util::did_you_mean(options.area, ids)));
        }
        filter.area = options.area;
    }
    if (!options.owner.empty()) {
        std::vector<std::string> names;
        for (const auto& owner : plan.owners) {
            names.push_back(owner.name);
        }
        if (std::find(names.begin(), names.end(), options.owner) == names.end()) {
            throw Error(fmt::format("unknown owner '{}'{}", options.owner, util::did_you_mean(options.owner, names)));
        }
        filter.owner = options.owner;
    }
    if (!options.status.empty()) {
        filter.status = core::parse_status(options.status);
        if (!filter.status) {
            throw Error(fmt::format("unknown status '{}' (one of: {}){}", options.status,
                                    util::join(core::status_names(), ", "),
                                    util::did_you_mean(options.status, core::status_names())));
        }
    }
    if (!options.light.empty()) {
        filter.light = core::parse_light(options.light);
        if (!filter.light) {
            throw Error(fmt::format("unknown light '{}' (one of: {}){}", options.light,
                                    util::join(core::light_names(), ", "),
                                    util::did_you_mean(options.light, core::light_names())));
        }
    }
    return filter;
}

} // namespace plantrack::cli
