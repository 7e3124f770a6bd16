#include "plantrack/util/error.hpp"

#include <fmt/format.h>

namespace plantrack {

std::string format_diagnostic(const Diagnostic& diagnostic)
{
    if (diagnostic.line <= 0) {
        return fmt::format("{}: error: {}", diagnostic.file, diagnostic.message);
    }
    if (diagnostic.column <= 0) {
        return fmt::format("{}:{}: error: {}", diagnostic.file, diagnostic.line, diagnostic.message);
    }
    return fmt::format("{}:{}:{}: error: {}", diagnostic.file, diagnostic.line, diagnostic.column, diagnostic.message);
}

} // namespace plantrack
