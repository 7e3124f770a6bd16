#include "plantrack/util/file.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "plantrack/util/error.hpp"

namespace plantrack::util {

namespace {

// The reason for a failed write, as the end of an error message.
std::string write_failure(const std::string& shown, int error)
{
    if (is_disk_full_errno(error)) {
        return fmt::format("cannot write '{}' (disk full?)", shown);
    }
    return fmt::format("cannot write '{}' ({})", shown, std::strerror(error));
}

void write_all(int fd, std::string_view text, const std::string& shown)
{
    while (!text.empty()) {
        const ssize_t written = ::write(fd, text.data(), text.size());
        if (written < 0) {
            if (errno == EINTR) {
                continue;
            }
            throw Error(write_failure(shown, errno));
        }
        text.remove_prefix(static_cast<std::size_t>(written));
    }
}

mode_t process_umask()
{
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return mask;
}

} // namespace

bool is_disk_full_errno(int error)
{
    return error == ENOSPC || error == EFBIG || error == EDQUOT;
}

TemporaryFile::TemporaryFile(const std::string& target, const std::string& shown) : m_shown(shown)
{
    std::string name = target + ".plantrack-tmp-XXXXXX";
    std::vector<char> buffer(name.begin(), name.end());
    buffer.push_back('\0');
    m_fd = ::mkostemp(buffer.data(), O_CLOEXEC);
    if (m_fd < 0) {
        throw Error(write_failure(shown, errno));
    }
    m_path = buffer.data();
}

TemporaryFile::~TemporaryFile()
{
    close();
    if (!m_placed) {
        ::unlink(m_path.c_str());
    }
}

void TemporaryFile::write(std::string_view text)
{
    write_all(m_fd, text, m_shown);
    if (::fsync(m_fd) != 0) {
        throw Error(write_failure(m_shown, errno));
    }
}

void TemporaryFile::close()
{
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}

void TemporaryFile::replace(const std::string& target)
{
    close();
    if (::rename(m_path.c_str(), target.c_str()) != 0) {
        throw Error(write_failure(m_shown, errno));
    }
    m_placed = true;
}

void TemporaryFile::publish_new(const std::string& target)
{
    close();
    if (::link(m_path.c_str(), target.c_str()) == 0) {
        ::unlink(m_path.c_str());
        m_placed = true;
        return;
    }
    if (errno == EEXIST) {
        throw Error(fmt::format("'{}' already exists; it was not overwritten", m_shown));
    }
    struct stat existing
    {
    };
    if (::lstat(target.c_str(), &existing) == 0) {
        throw Error(fmt::format("'{}' already exists; it was not overwritten", m_shown));
    }
    replace(target);
}

void write_output_file(const std::string& path, std::string_view text, const std::string& shown)
{
    struct stat existing
    {
    };
    const bool exists = ::stat(path.c_str(), &existing) == 0;
    if (exists && S_ISDIR(existing.st_mode)) {
        throw Error(fmt::format("cannot write '{}': it is a folder", shown));
    }
    if (exists && !S_ISREG(existing.st_mode)) {
        // A device, FIFO or terminal: replacing it would destroy it (as root, /dev/null would
        // become a regular file); it takes the text as it comes.
        const int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
        if (fd < 0) {
            throw Error(write_failure(shown, errno));
        }
        try {
            write_all(fd, text, shown);
        } catch (...) {
            ::close(fd);
            throw;
        }
        ::close(fd);
        return;
    }
    // Through a symbolic link, replace the file it points to and keep the link.
    std::error_code ec;
    const auto absolute = std::filesystem::absolute(path, ec);
    const std::string target = exists ? std::filesystem::canonical(absolute, ec).string() : path;
    TemporaryFile temporary(ec || target.empty() ? path : target, shown);
    if (exists && (existing.st_uid != ::geteuid() || existing.st_gid != ::getegid())) {
        // Only root may give the file to its owner; for anyone else the new file is theirs.
        // Before fchmod: a change of owner clears the set-user-ID and set-group-ID bits.
        [[maybe_unused]] const int ignored = ::fchown(temporary.descriptor(), existing.st_uid, existing.st_gid);
    }
    const mode_t mode = exists ? (existing.st_mode & 07777) : (0666 & ~process_umask());
    if (::fchmod(temporary.descriptor(), mode) != 0) {
        throw Error(write_failure(shown, errno));
    }
    temporary.write(text);
    temporary.replace(ec || target.empty() ? path : target);
}

} // namespace plantrack::util
