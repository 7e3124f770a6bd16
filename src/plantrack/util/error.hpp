#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace plantrack {

// The one error type that aborts a command. The top-level catch prints
// "plantrack: error: <what>" and returns exit status 1.
class Error : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// A problem found at a place in an input file. Line and column are 1-based; 0 means "unknown".
struct Diagnostic
{
    std::string file;
    int line = 0;
    int column = 0;
    std::string message;
};

// "FILE:LINE:COLUMN: error: MESSAGE" (the column is left out when it is 0).
std::string format_diagnostic(const Diagnostic& diagnostic);

// Thrown when an input has located problems; the CLI prints each one, then `summary`.
class InputError : public Error
{
public:
    InputError(std::vector<Diagnostic> diagnostics, const std::string& summary)
        : Error(summary), m_diagnostics(std::move(diagnostics))
    {}
    const std::vector<Diagnostic>& diagnostics() const { return m_diagnostics; }

private:
    std::vector<Diagnostic> m_diagnostics;
};

} // namespace plantrack
