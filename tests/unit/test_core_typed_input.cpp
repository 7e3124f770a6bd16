#include <doctest/doctest.h>

#include "plantrack/core/typed_input.hpp"

using namespace plantrack::core;

TEST_SUITE("core::typed_input")
{
    TEST_CASE("statuses by code, English label or Chinese label")
    {
        CHECK(parse_typed_status("on-track") == Status::on_track);
        CHECK(parse_typed_status("On Track") == Status::on_track);
        CHECK(parse_typed_status("正常推进") == Status::on_track);
        CHECK(parse_typed_status(" 存在风险 ") == Status::at_risk);
        CHECK(parse_typed_status("\xE3\x80\x80滞后") == Status::delayed); // an ideographic space
        CHECK(parse_typed_status("已完成") == Status::done);
        CHECK(parse_typed_status("DONE") == Status::done);
        CHECK(parse_typed_status("未启动") == Status::not_started);
        CHECK(parse_typed_status("已取消") == Status::cancelled);
        CHECK_FALSE(parse_typed_status("推进良好"));
        CHECK_FALSE(parse_typed_status(""));
        CHECK_FALSE(parse_typed_status("on_track"));
    }

    TEST_CASE("lights by name or in Chinese, long or short")
    {
        CHECK(parse_typed_light("red") == Light::red);
        CHECK(parse_typed_light("RED") == Light::red);
        CHECK(parse_typed_light("红灯") == Light::red);
        CHECK(parse_typed_light("红") == Light::red);
        CHECK(parse_typed_light("黄") == Light::yellow);
        CHECK(parse_typed_light("绿灯") == Light::green);
        CHECK(parse_typed_light("已完成") == Light::done);
        CHECK_FALSE(parse_typed_light("紫"));
        CHECK_FALSE(parse_typed_light("amber"));
    }

    TEST_CASE("progress with or without a percent sign")
    {
        CHECK(parse_typed_progress("60") == 60);
        CHECK(parse_typed_progress("60%") == 60);
        CHECK(parse_typed_progress("60 %") == 60);
        CHECK(parse_typed_progress("60％") == 60);
        CHECK(parse_typed_progress(" 0 ") == 0);
        CHECK(parse_typed_progress("100%") == 100);
        CHECK_FALSE(parse_typed_progress("101%"));
        CHECK_FALSE(parse_typed_progress("-1"));
        CHECK_FALSE(parse_typed_progress("12.5"));
        CHECK_FALSE(parse_typed_progress("%"));
        CHECK_FALSE(parse_typed_progress("50%%"));
        CHECK_FALSE(parse_typed_progress("七成"));
    }

    TEST_CASE("dates in the forms people type")
    {
        const auto expected = Date::from_ymd(2024, 10, 31);
        CHECK(parse_typed_date("2024-10-31") == expected);
        CHECK(parse_typed_date("2024/10/31") == expected);
        CHECK(parse_typed_date("2024.10.31") == expected);
        CHECK(parse_typed_date("2024年10月31日") == expected);
        CHECK(parse_typed_date(" 2024/10/31 ") == expected);
        CHECK(parse_typed_date("2025/3/31") == Date::from_ymd(2025, 3, 31));
        CHECK(parse_typed_date("2025年3月1日") == Date::from_ymd(2025, 3, 1));
        CHECK(parse_typed_date("2024-2-29") == Date::from_ymd(2024, 2, 29));
        SUBCASE("refused")
        {
            CHECK_FALSE(parse_typed_date("2024/02/30"));
            CHECK_FALSE(parse_typed_date("2024/10-31")); // mixed separators
            CHECK_FALSE(parse_typed_date("31/10/2024"));
            CHECK_FALSE(parse_typed_date("2024年10月31"));
            CHECK_FALSE(parse_typed_date("2024/10/31/1"));
            CHECK_FALSE(parse_typed_date("2024/100/1"));
            CHECK_FALSE(parse_typed_date("1899/12/31"));
            CHECK_FALSE(parse_typed_date("2024/13/1"));
            CHECK_FALSE(parse_typed_date(""));
        }
    }

    TEST_CASE("area numbers in digits or Chinese numerals")
    {
        CHECK(parse_area_number("3") == 3);
        CHECK(parse_area_number("三") == 3);
        CHECK(parse_area_number("十") == 10);
        CHECK(parse_area_number("十二") == 12);
        CHECK(parse_area_number("二十") == 20);
        CHECK(parse_area_number("二十三") == 23);
        CHECK_FALSE(parse_area_number("一十"));
        CHECK_FALSE(parse_area_number("十十"));
        CHECK_FALSE(parse_area_number("0"));
        CHECK_FALSE(parse_area_number("+1"));

        Plan plan;
        plan.areas = {{"A1", "一", "a", ""}, {"A12", "十二", "b", ""}, {"A13", "+1", "c", ""}};
        CHECK(find_typed_area(plan, "A12")->id == "A12");
        CHECK(find_typed_area(plan, "十二")->id == "A12");
        CHECK(find_typed_area(plan, "12")->id == "A12");
        CHECK(find_typed_area(plan, "1")->id == "A1");
        CHECK(find_typed_area(plan, "+1")->id == "A13");
        CHECK(find_typed_area(plan, "三") == nullptr);
        CHECK(find_typed_area(plan, "a1") == nullptr);
    }

    TEST_CASE("import columns by English or Chinese header")
    {
        CHECK(canonical_column("item") == "item");
        CHECK(canonical_column("Item") == "item");
        CHECK(canonical_column("编号") == "item");
        CHECK(canonical_column("日期") == "date");
        CHECK(canonical_column("状态") == "status");
        CHECK(canonical_column(" 进度 ") == "progress");
        CHECK(canonical_column("说明") == "note");
        CHECK(canonical_column("填报人") == "by");
        CHECK_FALSE(canonical_column("progres"));
        CHECK(is_informational_column("名称"));
        CHECK(is_informational_column("recorded_at"));
        CHECK_FALSE(is_informational_column("comment"));
    }

    TEST_CASE("the nearest name: an abbreviation first, else by edits")
    {
        const std::vector<std::string> owners = {"市发展改革委", "市工业和信息化局", "市商务局"};
        CHECK(nearest_name("发改委", owners) == "市发展改革委");
        CHECK(nearest_name("工信局", owners) == "市工业和信息化局");
        CHECK(nearest_name("市商务厅", owners) == "市商务局");
        CHECK_FALSE(nearest_name("市", owners)); // one character is not an abbreviation of anything
        CHECK_FALSE(nearest_name("公安局", owners));
    }
}
