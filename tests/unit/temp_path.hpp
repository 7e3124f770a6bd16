#pragma once

#include <filesystem>
#include <string>

#include <fmt/format.h>
#include <unistd.h>

namespace plantrack::test {

// A fresh path in the temporary folder, removed (with SQLite's side files) when done.
class TempPath
{
public:
    explicit TempPath(const char* name)
        : m_path(
              (std::filesystem::temp_directory_path() / fmt::format("plantrack-unit-{}-{}", ::getpid(), name)).string())
    {
        remove();
    }
    ~TempPath() { remove(); }
    TempPath(const TempPath&) = delete;
    TempPath& operator=(const TempPath&) = delete;
    const std::string& str() const { return m_path; }

private:
    void remove()
    {
        std::error_code ec;
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
            std::filesystem::remove(m_path + suffix, ec);
        }
    }
    std::string m_path;
};

} // namespace plantrack::test
