#include <doctest/doctest.h>

#include "plantrack/plan/yaml_tree.hpp"

#include <string>
#include <vector>

#include <fmt/format.h>

using plantrack::plan::YamlDocument;
using plantrack::plan::YamlError;
using plantrack::plan::YamlKind;
using plantrack::plan::YamlNode;

TEST_SUITE("plan::yaml_tree")
{
    TEST_CASE("scalars, sequences and mappings")
    {
        const auto document = YamlDocument::parse("a: 1\nb: [x, 'y z']\nc: {d: e}\n");
        REQUIRE_FALSE(document.error());
        const auto root = document.root();
        REQUIRE(root);
        CHECK(root.IsMap());
        CHECK(root["a"].IsScalar());
        CHECK(root["a"].Scalar() == "1");
        std::vector<std::string> items;
        for (const auto& item : root["b"]) {
            items.emplace_back(item.Scalar());
        }
        CHECK(items == std::vector<std::string>{"x", "y z"});
        CHECK(root["c"].IsMap());
        CHECK(root["c"]["d"].Scalar() == "e");
        SUBCASE("an absent key is an undefined handle")
        {
            const auto missing = root["missing"];
            CHECK_FALSE(missing);
            CHECK_FALSE(missing.IsNull());
            CHECK_FALSE(missing.IsScalar());
            CHECK(missing.Mark().is_null());
            CHECK_FALSE(root["a"]["x"]); // a scalar has no keys
        }
        SUBCASE("iterating a mapping as a sequence, or a sequence as a mapping, yields nothing")
        {
            int count = 0;
            for (const auto& item : root) {
                (void)item;
                ++count;
            }
            for (const auto& entry : root["b"].entries()) {
                (void)entry;
                ++count;
            }
            CHECK(count == 0);
        }
    }

    TEST_CASE("plain null scalars are null nodes; quoted ones are text")
    {
        const auto document =
            YamlDocument::parse("a:\nb: ~\nc: null\nd: Null\ne: NULL\nf: ''\ng: \"~\"\nh: nULL\ni: !!str\n");
        REQUIRE_FALSE(document.error());
        const auto root = document.root();
        for (const char* key : {"a", "b", "c", "d", "e"}) {
            INFO(key);
            CHECK(root[key]);
            CHECK(root[key].IsNull());
            CHECK_FALSE(root[key].IsScalar());
        }
        CHECK(root["f"].IsScalar());
        CHECK(root["f"].Scalar().empty());
        CHECK(root["g"].IsScalar());
        CHECK(root["g"].Scalar() == "~");
        CHECK(root["h"].IsScalar());
        CHECK(root["i"].IsScalar()); // tagged, so not null
        CHECK(root["i"].Scalar().empty());
    }

    TEST_CASE("an empty text or a comment has no root")
    {
        CHECK_FALSE(YamlDocument::parse("").root());
        CHECK_FALSE(YamlDocument::parse("# nothing\n\n").root());
        CHECK_FALSE(YamlDocument::parse("# nothing\n\n").error());
        CHECK(YamlDocument::parse("~\n").root().IsNull());
    }

    TEST_CASE("duplicate keys are kept, in order; [] finds the first")
    {
        const auto document = YamlDocument::parse("a: 1\nb: 2\na: 3\n");
        REQUIRE_FALSE(document.error());
        const auto root = document.root();
        std::vector<std::string> keys;
        std::vector<std::string> values;
        std::vector<int> lines;
        for (const auto& entry : root.entries()) {
            keys.emplace_back(entry.first.Scalar());
            values.emplace_back(entry.second.Scalar());
            lines.push_back(entry.first.Mark().line);
        }
        CHECK(keys == std::vector<std::string>{"a", "b", "a"});
        CHECK(values == std::vector<std::string>{"1", "2", "3"});
        CHECK(lines == std::vector<int>{0, 1, 2});
        CHECK(root["a"].Scalar() == "1");
    }

    TEST_CASE("marks: 0-based line, byte column and byte offset")
    {
        const auto document = YamlDocument::parse("a: 1\nb:\n  title: 沈阳市 x\n  id: \"p\"\n");
        REQUIRE_FALSE(document.error());
        const auto root = document.root();
        CHECK(root.Mark().line == 0);
        CHECK(root.Mark().column == 0);
        const auto title = root["b"]["title"];
        CHECK(title.Scalar() == "沈阳市 x");
        CHECK(title.Mark().line == 2);
        CHECK(title.Mark().column == 9);
        CHECK(title.Mark().pos == 5 + 3 + 9);
        SUBCASE("after Chinese text on the same line, columns and offsets are in bytes")
        {
            const auto chinese = YamlDocument::parse("名称: {甲: 乙, 丙: [丁, 戊]}\n下: 1\n");
            REQUIRE_FALSE(chinese.error());
            const auto map = chinese.root()["名称"];
            CHECK(map.Mark().column == 8); // "名称: " is 8 bytes
            const auto list = map["丙"];
            REQUIRE(list.IsSequence());
            CHECK(list.Mark().column == 24);
            CHECK(list.Mark().pos == 24);
            std::vector<int> columns;
            for (const auto& item : list) {
                columns.push_back(item.Mark().column);
            }
            CHECK(columns == std::vector<int>{25, 30});
            CHECK(chinese.root()["下"].Mark().line == 1);
            CHECK(chinese.root()["下"].Mark().column == 5);
            CHECK(chinese.root()["下"].Mark().pos == 41);
        }
        SUBCASE("a byte order mark is not part of the first line's columns")
        {
            const auto bom = YamlDocument::parse("\xEF\xBB\xBF"
                                                 "a: 沈\nb: 1\n");
            REQUIRE_FALSE(bom.error());
            CHECK(bom.root()["a"].Mark().column == 3);
            CHECK(bom.root()["a"].Mark().pos == 6);
            CHECK(bom.root()["b"].Mark().line == 1);
            CHECK(bom.root()["b"].Mark().column == 3);
        }
        SUBCASE("lines end at \\n, also after \\r")
        {
            const auto crlf = YamlDocument::parse("a: 1\r\nb: 沈\r\nc: 2\r\n");
            REQUIRE_FALSE(crlf.error());
            CHECK(crlf.root()["c"].Mark().line == 2);
            CHECK(crlf.root()["c"].Mark().column == 3);
            CHECK(crlf.root()["c"].Mark().pos == 6 + 8 + 3);
        }
        SUBCASE("a syntax error is located, after Chinese text too")
        {
            const auto bad = YamlDocument::parse("a: 沈阳\nb: [沈阳, {c: 沈阳, d: e: f}]\n");
            REQUIRE(bad.error());
            CHECK(bad.error()->kind == YamlError::Kind::syntax);
            CHECK(bad.error()->message.rfind("invalid YAML: ", 0) == 0);
            CHECK(bad.error()->mark.line == 1);
            CHECK(bad.error()->mark.column == 28); // the second ':' after "d"
            CHECK_FALSE(bad.root());
            SUBCASE("an unclosed bracket at the end of the text is located at the bracket")
            {
                const auto open = YamlDocument::parse("a: 沈阳\nb: [沈阳, {c: 沈阳, d\n");
                REQUIRE(open.error());
                CHECK(open.error()->message ==
                      "invalid YAML: did not find expected ',' or '}' while parsing a flow mapping");
                CHECK(open.error()->mark.line == 1);
                CHECK(open.error()->mark.column == 12);
            }
        }
    }

    TEST_CASE("aliases are the node they name")
    {
        const auto document = YamlDocument::parse("a: &x {k: v}\nb: *x\nc: &s text\nd: [*s, *s]\n");
        REQUIRE_FALSE(document.error());
        const auto root = document.root();
        CHECK(root["b"].IsMap());
        CHECK(root["b"]["k"].Scalar() == "v");
        CHECK(root["b"].Mark().line == 0); // where the anchored node is
        CHECK(root["b"].Mark().column == 3);
        for (const auto& item : root["d"]) {
            CHECK(item.Scalar() == "text");
        }
        SUBCASE("an anchor redefined names the later node")
        {
            const auto redefined = YamlDocument::parse("a: &x 1\nb: &x 2\nc: *x\n");
            REQUIRE_FALSE(redefined.error());
            CHECK(redefined.root()["c"].Scalar() == "2");
        }
        SUBCASE("an alias to no anchor")
        {
            const auto undefined = YamlDocument::parse("a: 1\nb: *nowhere\n");
            REQUIRE(undefined.error());
            CHECK(undefined.error()->message == "invalid YAML: the referenced anchor is not defined");
            CHECK(undefined.error()->mark.line == 1);
            CHECK(undefined.error()->mark.column == 3);
        }
    }

    TEST_CASE("an alias inside the node it names is refused as a cycle")
    {
        const auto document = YamlDocument::parse("a: 1\nplan: &p {id: p, title: [*p]}\n");
        REQUIRE(document.error());
        CHECK(document.error()->kind == YamlError::Kind::alias_cycle);
        CHECK(document.error()->message ==
              "an alias refers to a node that contains it (a cycle); a plan file cannot use that");
        CHECK(document.error()->mark.line == 1);
        CHECK(document.error()->mark.column == 25);
        CHECK_FALSE(document.root());
    }

    TEST_CASE("aliases expanding to more than 100,000 nodes are refused")
    {
        // Nine levels of ten references each: 10^9 leaves if anything expanded them.
        std::string text = "a: &a [x,x,x,x,x,x,x,x,x,x]\n";
        const std::string names = "abcdefghi";
        for (std::size_t i = 1; i < names.size(); ++i) {
            text += fmt::format("{}: &{} [", names[i], names[i]);
            for (int j = 0; j < 10; ++j) {
                text += fmt::format("{}*{}", j == 0 ? "" : ",", names[i - 1]);
            }
            text += "]\n";
        }
        const auto document = YamlDocument::parse(text);
        REQUIRE(document.error());
        CHECK(document.error()->kind == YamlError::Kind::alias_bomb);
        CHECK(document.error()->message ==
              "aliases expand to more than 100000 nodes (an alias bomb?); write the plan out without them");
        // a is 11 nodes, b 111, c 1111, d 11111; the aliases in b, c and d add 110 + 1110 + 11110
        // nodes, so the bomb goes off in e, at its eighth alias (12330 + 8 * 11111 > 100000).
        CHECK(document.error()->mark.line == 4);
        CHECK(document.error()->mark.column == 7 + 7 * 3);
        SUBCASE("up to the limit is fine")
        {
            std::string many = "a: &a [x,x,x,x,x,x,x,x,x]\nb: [";
            for (int i = 0; i < 10'000; ++i) {
                many += i == 0 ? "*a" : ",*a";
            }
            many += "]\n";
            const auto fine = YamlDocument::parse(many);
            CHECK_FALSE(fine.error());
            many.insert(many.size() - 2, ",*a");
            CHECK(YamlDocument::parse(many).error());
        }
    }

    TEST_CASE("nesting deeper than 256 levels is refused")
    {
        const auto at = [](const std::string& open, int depth) {
            std::string text;
            for (int i = 0; i < depth; ++i) {
                text += open;
            }
            return YamlDocument::parse(text);
        };
        CHECK_FALSE(at("- ", 256).error());
        const auto flow = at("[", 20'000);
        REQUIRE(flow.error());
        CHECK(flow.error()->kind == YamlError::Kind::too_deep);
        CHECK(flow.error()->message == "invalid YAML: nested too deeply (a plan file needs only a few levels)");
        CHECK(flow.error()->mark.line == 0);
        CHECK(flow.error()->mark.column == 256); // the 257th '['
        const auto block = at("- ", 257);
        REQUIRE(block.error());
        CHECK(block.error()->kind == YamlError::Kind::too_deep);
        CHECK(block.error()->mark.column == 512);
        const auto maps = at("{a: ", 20'000);
        REQUIRE(maps.error());
        CHECK(maps.error()->kind == YamlError::Kind::too_deep);
    }

    TEST_CASE("a second document is refused where it starts (0-based line), even when it is broken YAML")
    {
        const auto document = YamlDocument::parse("a: 1\n---\nb: 2\n");
        REQUIRE(document.error());
        CHECK(document.error()->mark.line == 1);
        CHECK(document.error()->message == "a second YAML document starts here; a plan file holds exactly one");
        const auto broken = YamlDocument::parse("a: 1\n---\n: [b\n");
        REQUIRE(broken.error());
        CHECK(broken.error()->mark.line == 1);
        const auto ended = YamlDocument::parse("a: 1\n...\n");
        CHECK_FALSE(ended.error());
    }

    TEST_CASE("an unclosed quote is located where it starts, not at the end of the text")
    {
        const auto document = YamlDocument::parse("a: 1\nb: \"沈阳\nc: 2\n\n");
        REQUIRE(document.error());
        CHECK(document.error()->message ==
              "invalid YAML: found unexpected end of stream while scanning a quoted scalar");
        CHECK(document.error()->mark.line == 1);
        CHECK(document.error()->mark.column == 3);
    }

    TEST_CASE("control characters are a located syntax error")
    {
        const auto document = YamlDocument::parse("a: 1\nb: x\x07y\n");
        REQUIRE(document.error());
        CHECK(document.error()->kind == YamlError::Kind::syntax);
        CHECK(document.error()->message == "invalid YAML: control characters are not allowed");
        CHECK(document.error()->mark.line == 1);
        CHECK(document.error()->mark.column == 4);
    }
}
