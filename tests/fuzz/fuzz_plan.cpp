// libFuzzer target: plan text -> core model, with every diagnostic. Must never crash or throw.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "plantrack/plan/plan_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto parsed = plantrack::plan::parse_plan(text, "fuzz.yaml");
    if (parsed.ok()) {
        // A clean plan must answer the questions every command asks of it.
        for (const auto& id : parsed.plan.item_ids()) {
            (void)parsed.plan.find_item(id);
        }
    }
    return 0;
}
