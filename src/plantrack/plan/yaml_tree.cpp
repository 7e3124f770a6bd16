#include "plantrack/plan/yaml_tree.hpp"

#include <cstring>
#include <limits>
#include <unordered_map>

#include <fmt/format.h>
#include <yaml.h>

namespace plantrack::plan {

namespace {

bool is_continuation(char c)
{
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Turns LibYAML's marks, which count characters, into byte offsets, '\n'-ended lines and byte
// columns. Marks arrive almost always in file order, so a cursor moved from the last one makes
// the whole parse pay for one pass over the text.
class Positions
{
public:
    explicit Positions(std::string_view text) : m_text(text)
    {
        // LibYAML skips a byte order mark and does not count it.
        if (text.starts_with("\xEF\xBB\xBF")) {
            m_byte = m_line_start = 3;
        }
    }

    YamlMark at_index(std::size_t index)
    {
        while (m_index < index && m_byte < m_text.size()) {
            const char c = m_text[m_byte];
            ++m_byte;
            while (m_byte < m_text.size() && is_continuation(m_text[m_byte])) {
                ++m_byte;
            }
            ++m_index;
            if (c == '\n') {
                ++m_line;
                m_line_start = m_byte;
            }
        }
        while (m_index > index) {
            --m_byte;
            while (m_byte > 0 && is_continuation(m_text[m_byte])) {
                --m_byte;
            }
            --m_index;
            if (m_text[m_byte] == '\n') {
                --m_line;
                const auto previous = m_line == 0 ? std::string_view::npos : m_text.rfind('\n', m_byte - 1);
                m_line_start =
                    previous == std::string_view::npos ? (m_text.starts_with("\xEF\xBB\xBF") ? 3 : 0) : previous + 1;
            }
        }
        return mark();
    }

    // The mark of byte `offset` (LibYAML locates errors in its input that way).
    YamlMark at_byte(std::size_t offset) const
    {
        offset = std::min(offset, m_text.size());
        const auto newline = offset == 0 ? std::string_view::npos : m_text.rfind('\n', offset - 1);
        const std::size_t line_start = newline == std::string_view::npos ? 0 : newline + 1;
        int line = 0;
        for (std::size_t i = 0; i < line_start; ++i) {
            line += m_text[i] == '\n' ? 1 : 0;
        }
        return {line, static_cast<int>(offset - line_start), static_cast<int>(offset)};
    }

private:
    YamlMark mark() const { return {m_line, static_cast<int>(m_byte - m_line_start), static_cast<int>(m_byte)}; }

    std::string_view m_text;
    std::size_t m_index = 0; // in characters, as LibYAML counts
    std::size_t m_byte = 0;
    std::size_t m_line_start = 0;
    int m_line = 0;
};

// Sizes saturate: nested aliases can describe more nodes than 64 bits count.
std::uint64_t add(std::uint64_t a, std::uint64_t b)
{
    return a > std::numeric_limits<std::uint64_t>::max() - b ? std::numeric_limits<std::uint64_t>::max() : a + b;
}

bool is_null_text(std::string_view text)
{
    return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

struct ParserGuard
{
    yaml_parser_t parser;
    ParserGuard() { yaml_parser_initialize(&parser); }
    ~ParserGuard() { yaml_parser_delete(&parser); }
    ParserGuard(const ParserGuard&) = delete;
    ParserGuard& operator=(const ParserGuard&) = delete;
};

struct EventGuard
{
    yaml_event_t event;
    ~EventGuard() { yaml_event_delete(&event); }
};

} // namespace

// Builds a YamlDocument from LibYAML's events.
class YamlBuilder
{
public:
    YamlBuilder(std::string_view text, YamlDocument& document) : m_text(text), m_document(document), m_positions(text)
    {}

    void run()
    {
        ParserGuard guard;
        auto& parser = guard.parser;
        yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(m_text.data()), m_text.size());
        // The tree holds about one node per 15 bytes of a plan; reserving avoids most regrowth.
        m_document.m_nodes.reserve(m_text.size() / 16 + 16);
        m_document.m_children.reserve(m_text.size() / 16 + 16);
        m_document.m_text.reserve(m_text.size() / 2 + 16);
        for (;;) {
            EventGuard event;
            if (yaml_parser_parse(&parser, &event.event) == 0) {
                syntax_error(parser);
                return;
            }
            if (!handle(event.event)) {
                return;
            }
        }
    }

private:
    struct Open
    {
        std::uint32_t node;
        std::size_t first_pending;
        std::uint64_t size; // nodes in it so far, aliases expanded
        std::string anchor;
    };

    struct Anchor
    {
        std::uint32_t node;
        std::uint64_t size;
        bool open;
    };

    // Returns false when the document is complete or refused.
    bool handle(const yaml_event_t& event)
    {
        switch (event.type) {
        case YAML_SCALAR_EVENT: {
            const auto& scalar = event.data.scalar;
            const std::string_view value(reinterpret_cast<const char*>(scalar.value), scalar.length);
            const bool null = scalar.style == YAML_PLAIN_SCALAR_STYLE && scalar.tag == nullptr && is_null_text(value);
            const auto index = add_node(null ? YamlKind::null : YamlKind::scalar, event.start_mark);
            if (!null) {
                auto& node = m_document.m_nodes[index];
                node.first = static_cast<std::uint32_t>(m_document.m_text.size());
                node.size = static_cast<std::uint32_t>(value.size());
                m_document.m_text.append(value);
            }
            if (scalar.anchor != nullptr) {
                m_anchors[reinterpret_cast<const char*>(scalar.anchor)] = {index, 1, false};
            }
            return complete(index, 1);
        }
        case YAML_ALIAS_EVENT: {
            const auto found = m_anchors.find(reinterpret_cast<const char*>(event.data.alias.anchor));
            if (found == m_anchors.end()) {
                return refuse(YamlError::Kind::syntax, event.start_mark,
                              "invalid YAML: the referenced anchor is not defined");
            }
            if (found->second.open) {
                return refuse(YamlError::Kind::alias_cycle, event.start_mark,
                              "an alias refers to a node that contains it (a cycle); a plan file cannot use that");
            }
            m_alias_nodes = add(m_alias_nodes, found->second.size);
            if (m_alias_nodes > YamlDocument::k_max_alias_nodes) {
                return refuse(YamlError::Kind::alias_bomb, event.start_mark,
                              fmt::format("aliases expand to more than {} nodes (an alias bomb?); write the plan "
                                          "out without them",
                                          YamlDocument::k_max_alias_nodes));
            }
            return complete(found->second.node, found->second.size);
        }
        case YAML_SEQUENCE_START_EVENT:
            return open(YamlKind::sequence, event.start_mark, event.data.sequence_start.anchor);
        case YAML_MAPPING_START_EVENT:
            return open(YamlKind::map, event.start_mark, event.data.mapping_start.anchor);
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
            return close();
        case YAML_DOCUMENT_START_EVENT:
            // What follows a first document would be dropped silently (broken YAML included,
            // which is why the parser reads on to here rather than stopping at the first end).
            if (m_document_ended) {
                return refuse(YamlError::Kind::syntax, event.start_mark,
                              "a second YAML document starts here; a plan file holds exactly one");
            }
            return true;
        case YAML_DOCUMENT_END_EVENT:
            m_document_ended = true;
            return true;
        case YAML_STREAM_END_EVENT:
            return false;
        default:
            return true;
        }
    }

    std::uint32_t add_node(YamlKind kind, const yaml_mark_t& mark)
    {
        auto& nodes = m_document.m_nodes;
        nodes.push_back({0, 0, m_positions.at_index(mark.index), kind});
        return static_cast<std::uint32_t>(nodes.size() - 1);
    }

    bool open(YamlKind kind, const yaml_mark_t& mark, const yaml_char_t* anchor)
    {
        if (m_open.size() >= YamlDocument::k_max_depth) {
            return refuse(YamlError::Kind::too_deep, mark,
                          "invalid YAML: nested too deeply (a plan file needs only a few levels)");
        }
        const auto index = add_node(kind, mark);
        std::string name = anchor != nullptr ? reinterpret_cast<const char*>(anchor) : "";
        if (!name.empty()) {
            m_anchors[name] = {index, 0, true};
        }
        m_open.push_back({index, m_pending.size(), 1, std::move(name)});
        return true;
    }

    bool close()
    {
        auto done = std::move(m_open.back());
        m_open.pop_back();
        auto& node = m_document.m_nodes[done.node];
        auto& children = m_document.m_children;
        node.first = static_cast<std::uint32_t>(children.size());
        node.size = static_cast<std::uint32_t>(m_pending.size() - done.first_pending);
        children.insert(children.end(), m_pending.begin() + static_cast<std::ptrdiff_t>(done.first_pending),
                        m_pending.end());
        m_pending.resize(done.first_pending);
        if (!done.anchor.empty()) {
            // Unless a node inside redefined the anchor, it now names this finished node.
            const auto found = m_anchors.find(done.anchor);
            if (found != m_anchors.end() && found->second.node == done.node) {
                found->second = {done.node, done.size, false};
            }
        }
        return complete(done.node, done.size);
    }

    // Adds a finished node (`size` nodes, aliases expanded) to the collection it is in.
    bool complete(std::uint32_t index, std::uint64_t size)
    {
        if (m_open.empty()) {
            m_document.m_root = index;
            return true;
        }
        m_pending.push_back(index);
        m_open.back().size = add(m_open.back().size, size);
        return true;
    }

    bool refuse(YamlError::Kind kind, const yaml_mark_t& mark, std::string message)
    {
        m_document.m_error = YamlError{kind, m_positions.at_index(mark.index), std::move(message)};
        m_document.m_root.reset();
        return false;
    }

    void syntax_error(const yaml_parser_t& parser)
    {
        std::string problem = parser.problem != nullptr ? parser.problem : "the text cannot be read";
        YamlMark mark;
        if (parser.error == YAML_READER_ERROR) {
            mark = m_positions.at_byte(parser.problem_offset);
        } else if (parser.error != YAML_MEMORY_ERROR) {
            mark = m_positions.at_index(parser.problem_mark.index);
            // At the end of the text (an unclosed quote or bracket), the problem is where the
            // unfinished thing starts, which LibYAML gives as the context.
            if (parser.context != nullptr && at_end(mark)) {
                mark = m_positions.at_index(parser.context_mark.index);
                problem = fmt::format("{} {}", problem, parser.context);
            }
        }
        m_document.m_error = YamlError{YamlError::Kind::syntax, mark, fmt::format("invalid YAML: {}", problem)};
        m_document.m_root.reset();
    }

    // True if nothing but white space follows `mark`.
    bool at_end(const YamlMark& mark) const
    {
        const auto rest = m_text.substr(std::min(static_cast<std::size_t>(std::max(mark.pos, 0)), m_text.size()));
        return rest.find_first_not_of(" \t\r\n") == std::string_view::npos;
    }

    std::string_view m_text;
    YamlDocument& m_document;
    bool m_document_ended = false;
    Positions m_positions;
    std::vector<Open> m_open;
    std::vector<std::uint32_t> m_pending; // children of the open collections, innermost last
    std::unordered_map<std::string, Anchor> m_anchors;
    std::uint64_t m_alias_nodes = 0; // nodes added by expanding aliases
};

YamlDocument YamlDocument::parse(std::string_view text)
{
    YamlDocument document;
    YamlBuilder(text, document).run();
    return document;
}

YamlNode YamlDocument::root() const
{
    return m_root ? YamlNode(this, *m_root) : YamlNode();
}

std::string_view YamlNode::Scalar() const
{
    if (!IsScalar()) {
        return {};
    }
    const auto& node = m_document->m_nodes[m_index];
    return std::string_view(m_document->m_text).substr(node.first, node.size);
}

YamlMark YamlNode::Mark() const
{
    return m_document != nullptr ? m_document->m_nodes[m_index].mark : YamlMark{};
}

YamlNode YamlNode::operator[](std::string_view key) const
{
    for (const auto& entry : entries()) {
        if (entry.first.IsScalar() && entry.first.Scalar() == key) {
            return entry.second;
        }
    }
    return {};
}

YamlNode::Iterator YamlNode::begin() const
{
    if (!IsSequence()) {
        return {m_document, nullptr};
    }
    const auto& node = m_document->m_nodes[m_index];
    return {m_document, m_document->m_children.data() + node.first};
}

YamlNode::Iterator YamlNode::end() const
{
    if (!IsSequence()) {
        return {m_document, nullptr};
    }
    const auto& node = m_document->m_nodes[m_index];
    return {m_document, m_document->m_children.data() + node.first + node.size};
}

YamlNode::Entries YamlNode::entries() const
{
    if (!IsMap()) {
        return {m_document, nullptr, nullptr};
    }
    const auto& node = m_document->m_nodes[m_index];
    const auto* first = m_document->m_children.data() + node.first;
    return {m_document, first, first + node.size};
}

} // namespace plantrack::plan
