// A 300-nominee session: every row present once, the table header on every page of the table, no
// row split across pages; a long name wraps and is present whole.
#include "councilvote/minutes/minutes.hpp"
#include "councilvote/minutes/minutes_input.hpp"
#include "helpers.hpp"
#include "record_synth.hpp"

#include <catch2/catch.hpp>

using namespace cv::minutes;
using namespace cv::minutes::test;

TEST_CASE("a 300-nominee session paginates with every row whole on one page and the header on each page") {
  const auto dir = scratch("paginate");
  cv::tools::SynthSpec spec;
  spec.members = 9;
  spec.remote = {4};
  spec.absent = {8};
  spec.nominees = cv::tools::synth_nominees(300);
  const std::string long_name = "Nguyễn Thị Phương Thảo Hoàng Minh Khuê Trần Lê Bảo Ngọc Vũ Đình Quang Huy "
                                "Phạm Thị Hồng Nhung Đỗ Xuân Trường Giang";
  spec.nominees[7].row.name = long_name;
  spec.nominees[8].row.award = "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho tập thể có thành tích xuất "
                               "sắc trong phong trào thi đua yêu nước giai đoạn 2020 - 2025";
  spec.threads = 2;
  const auto rec = cv::tools::synthesize_to_file(spec, dir / "big.jsonl");
  const auto res = make_minutes({dir / "big.jsonl", dir / "big.pdf", dir / "big.csv", {}});
  REQUIRE(res.ok);
  const int pages = pdf_pages(dir / "big.pdf");
  REQUIRE(pages >= 8);
  std::vector<std::string> page_text;
  for (int p = 1; p <= pages; ++p) page_text.push_back(pdf_text(dir / "big.pdf", p, p));
  // The header on every page that has a row of the table (the table starts on page 1).
  const std::string header = "Họ và tên, chức vụ, đơn vị";
  int pages_with_rows = 0;
  for (const auto &r : spec.nominees) {
    int found = 0;
    for (const auto &t : page_text)
      if (t.find(r.row.name + " ") != std::string::npos) ++found;
    INFO(r.row.name);
    CHECK(found >= 1); // whole on some page (synthetic names repeat across rows)
  }
  // The table's rows in their order down the table.
  const auto in = minutes_input(res.report);
  REQUIRE(in);
  std::vector<const MinutesRow *> rows;
  for (const auto &a : in->awards)
    for (const auto &r : a.rows) rows.push_back(&r);
  REQUIRE(rows.size() == 300);
  // No row split: each row's STT, name, counts and percentage sit together on one page, in order.
  std::size_t next = 0;
  for (std::size_t p = 0; p < page_text.size(); ++p) {
    const auto &t = page_text[p];
    std::size_t from = 0;
    bool has_rows = false;
    while (next < rows.size()) {
      const auto &r = *rows[next];
      const auto at = t.find(std::to_string(r.index) + " " + r.name + " ", from);
      if (at == std::string::npos) break;
      const auto counts = " " + std::to_string(r.agree) + " " + std::to_string(r.disagree) + " " +
                          std::to_string(r.blank) + " " + std::to_string(r.not_voted) + " " + r.agree_percent;
      const auto c = t.find(counts, at);
      INFO("row " << r.index << " on page " << p + 1);
      CHECK(c != std::string::npos);
      CHECK(t.find(r.outcome, c) != std::string::npos);
      from = at + 1;
      ++next;
      has_rows = true;
    }
    if (has_rows) {
      ++pages_with_rows;
      INFO("page " << p + 1);
      CHECK(t.find(header) != std::string::npos);
    }
  }
  CHECK(next == rows.size());
  CHECK(pages_with_rows >= 7);
  // The long name wrapped (it is wider than its column) and is present whole.
  CHECK(pdf_text(dir / "big.pdf").find(long_name) != std::string::npos);
  (void)rec;
}
