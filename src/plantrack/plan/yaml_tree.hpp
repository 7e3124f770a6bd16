#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plantrack::plan {

// A place in the parsed text: 0-based line, 0-based column in bytes, and byte offset.
// Lines end at '\n' only, as in an editor. A null mark (all -1) belongs to an absent node.
struct YamlMark
{
    int line = -1;
    int column = -1;
    int pos = -1;
    bool is_null() const { return line < 0; }
};

enum class YamlKind : std::uint8_t {
    null,
    scalar,
    sequence,
    map,
};

class YamlDocument;
struct YamlEntry;

// A handle to one node of a YamlDocument, or an undefined handle (false) for a node that is not
// there. Cheap to copy; valid while its document lives. The names follow yaml-cpp's YAML::Node,
// which this replaces, so the plan reader reads the same as before.
class YamlNode
{
public:
    // Iterates a sequence's elements (nothing for any other node).
    class Iterator
    {
    public:
        Iterator(const YamlDocument* document, const std::uint32_t* at) : m_document(document), m_at(at) {}
        YamlNode operator*() const { return {m_document, *m_at}; }
        Iterator& operator++()
        {
            ++m_at;
            return *this;
        }
        bool operator==(const Iterator& other) const { return m_at == other.m_at; }

    private:
        const YamlDocument* m_document;
        const std::uint32_t* m_at;
    };

    YamlNode() = default;
    YamlNode(const YamlDocument* document, std::uint32_t index) : m_document(document), m_index(index) {}

    explicit operator bool() const { return m_document != nullptr; }
    // The node's kind (null for an undefined handle, though IsNull() is false for one).
    YamlKind kind() const;
    bool IsNull() const { return m_document != nullptr && kind() == YamlKind::null; }
    bool IsScalar() const { return m_document != nullptr && kind() == YamlKind::scalar; }
    bool IsSequence() const { return m_document != nullptr && kind() == YamlKind::sequence; }
    bool IsMap() const { return m_document != nullptr && kind() == YamlKind::map; }

    // A scalar's text; empty for any other node.
    std::string_view Scalar() const;
    // Where the node starts (for an alias, where the node it names starts); null when undefined.
    YamlMark Mark() const;

    // The value of the first entry whose key is the scalar `key`; undefined when there is none
    // or this is not a mapping.
    YamlNode operator[](std::string_view key) const;

    // A sequence's elements.
    Iterator begin() const;
    Iterator end() const;
    // A mapping's entries in file order, duplicate keys included (nothing for any other node).
    class Entries;
    Entries entries() const;

private:
    const YamlDocument* m_document = nullptr;
    std::uint32_t m_index = 0;
};

struct YamlEntry
{
    YamlNode first;
    YamlNode second;
};

class YamlNode::Entries
{
public:
    class Iterator
    {
    public:
        Iterator(const YamlDocument* document, const std::uint32_t* at) : m_document(document), m_at(at) {}
        YamlEntry operator*() const { return {{m_document, m_at[0]}, {m_document, m_at[1]}}; }
        Iterator& operator++()
        {
            m_at += 2;
            return *this;
        }
        bool operator==(const Iterator& other) const { return m_at == other.m_at; }

    private:
        const YamlDocument* m_document;
        const std::uint32_t* m_at;
    };

    Entries(const YamlDocument* document, const std::uint32_t* begin, const std::uint32_t* end)
        : m_document(document), m_begin(begin), m_end(end)
    {}
    Iterator begin() const { return {m_document, m_begin}; }
    Iterator end() const { return {m_document, m_end}; }

private:
    const YamlDocument* m_document;
    const std::uint32_t* m_begin;
    const std::uint32_t* m_end;
};

// Why a text could not be read as YAML, and where.
struct YamlError
{
    enum class Kind : std::uint8_t {
        syntax,      // reported by the YAML parser (LibYAML); the message is "invalid YAML: ..."
        too_deep,    // nested deeper than k_max_depth
        alias_cycle, // an alias inside the node it names
        alias_bomb,  // aliases expanding to more than k_max_alias_nodes nodes
    };
    Kind kind;
    YamlMark mark;
    std::string message;
};

// The first YAML document of a text, read with LibYAML's event parser into a compact tree:
// one array of nodes, one of child indices, one buffer of scalar text. Plain "", "~", "null",
// "Null" and "NULL" are null nodes; tags are ignored. An alias is the node it names (not a copy).
class YamlDocument
{
public:
    // Collections nested deeper than this are refused; a plan file needs only a few levels.
    static constexpr std::size_t k_max_depth = 256;
    // Aliases (*name) may repeat what an anchor (&name) holds, but not multiply a small file into
    // millions of nodes (the "billion laughs"): every walk over the plan pays for each copy.
    static constexpr std::uint64_t k_max_alias_nodes = 100'000;

    // Parses `text` (UTF-8). Never throws for bad input: see error().
    static YamlDocument parse(std::string_view text);

    // The document's root; undefined when the text holds no document or could not be read.
    YamlNode root() const;
    const std::optional<YamlError>& error() const { return m_error; }

private:
    friend class YamlNode;
    friend class YamlBuilder;

    struct Node
    {
        std::uint32_t first = 0; // into m_children (collections) or m_text (scalars)
        std::uint32_t size = 0;  // children (a mapping's keys and values alternate) or bytes
        YamlMark mark;
        YamlKind kind = YamlKind::null;
    };

    std::vector<Node> m_nodes;
    std::vector<std::uint32_t> m_children;
    std::string m_text;
    std::optional<std::uint32_t> m_root;
    std::optional<YamlError> m_error;
};

inline YamlKind YamlNode::kind() const
{
    return m_document != nullptr ? m_document->m_nodes[m_index].kind : YamlKind::null;
}

} // namespace plantrack::plan
