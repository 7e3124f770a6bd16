#pragma once

#include <string>
#include <string_view>

namespace plantrack::util {

// A new, empty file created beside `target` (in its folder, named TARGET.plantrack-tmp-XXXXXX)
// with O_CREAT|O_EXCL (mkstemp): it can never be a file or a symbolic link that was there
// before, so writing it can never reach anything else. Removed when destroyed unless it was
// moved into place. Throws plantrack::Error when it cannot be created.
class TemporaryFile
{
public:
    // `shown` names the target in error messages (the path as the user gave it).
    TemporaryFile(const std::string& target, const std::string& shown);
    ~TemporaryFile();
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;

    const std::string& path() const { return m_path; }
    int descriptor() const { return m_fd; }

    // Writes all of `text`, then flushes it to the disk. Throws when the disk is full or the
    // write fails otherwise; the caller's target is untouched then.
    void write(std::string_view text);
    // Closes the descriptor (for files another library then opens by name).
    void close();
    // Renames it over `target` (atomically replacing a regular file).
    void replace(const std::string& target);
    // Links it as `target` only if `target` does not exist, never overwriting one that appeared
    // meanwhile (link(2) fails with EEXIST); falls back to a checked rename where the file
    // system has no hard links.
    void publish_new(const std::string& target);

private:
    std::string m_path;
    std::string m_shown;
    int m_fd = -1;
    bool m_placed = false;
};

// Writes `text` to `path` as -o FILE does. A regular file (or a new path) gets the whole text or
// nothing: it is written to a TemporaryFile, given the existing file's mode (and owner, where
// permitted) and renamed over it; through a symbolic link the link is kept and its target
// replaced. Anything else that exists (a device such as /dev/null, a FIFO, a terminal) is
// written directly and never replaced. A folder is refused. Throws plantrack::Error naming
// `shown`, with "(disk full?)" when the disk or the file size limit is full.
void write_output_file(const std::string& path, std::string_view text, const std::string& shown);

// True for the errno values that mean "no more space": ENOSPC, EFBIG (the file size limit) and
// EDQUOT (the quota).
bool is_disk_full_errno(int error);

} // namespace plantrack::util
