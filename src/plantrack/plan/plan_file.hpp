#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "plantrack/core/model.hpp"
#include "plantrack/util/error.hpp"

namespace plantrack::plan {

// A plan file read into the core model, with every problem found in it.
// The plan is usable only when `diagnostics` is empty.
struct PlanFile
{
    core::Plan plan;
    std::vector<Diagnostic> diagnostics;
    bool ok() const { return diagnostics.empty(); }
};

// Reads plan text; `file_name` is used in diagnostics. Never throws for bad input.
PlanFile parse_plan(std::string_view text, const std::string& file_name);

// Reads a plan file from disk (refusing unreadable, oversized or non-UTF-8 files as diagnostics).
PlanFile read_plan_file(const std::string& path);

// Reads a plan file and throws InputError listing every problem unless it is clean.
core::Plan load_plan_file(const std::string& path);

} // namespace plantrack::plan
