// The minutes of the sample record (docs/record-sample.jsonl: named members, a chair's decision):
// the PDF's text, fonts, QR code and attachment, the CSV and the HTML.
#include "councilvote/minutes/minutes.hpp"
#include "councilvote/minutes/minutes_input.hpp"
#include "helpers.hpp"

#include <catch2/catch.hpp>

using namespace cv::minutes;
using namespace cv::minutes::test;

namespace {

struct Made {
  std::filesystem::path dir, record, pdf, csv, html;
  MinutesResult res;
};

Made make_sample(const std::string &name, Language language = Language::vi) {
  Made m;
  m.dir = scratch(name);
  m.record = m.dir / "record-sample.jsonl";
  std::filesystem::copy_file(std::filesystem::path(CV_DOCS_DIR) / "record-sample.jsonl", m.record);
  m.pdf = m.dir / "bien-ban.pdf", m.csv = m.dir / "bien-ban.csv", m.html = m.dir / "bien-ban.html";
  m.res = make_minutes({m.record, m.pdf, m.csv, m.html, language});
  return m;
}

// Splits one CSV line (quotes doubled inside quoted fields).
std::vector<std::string> csv_fields(const std::string &line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"')
      out.back() += '"', ++i;
    else if (c == '"')
      quoted = !quoted;
    else if (c == ',' && !quoted)
      out.emplace_back();
    else
      out.back() += c;
  }
  return out;
}

} // namespace

TEST_CASE("a date of the minutes is written the Vietnamese way, or the English way") {
  CHECK(date_text("2025-06-15") == "ngày 15 tháng 6 năm 2025");
  CHECK(date_text("2025-06-15", Language::en) == "15 June 2025");
  CHECK(date_text("15/6/2025") == "15/6/2025");   // not an ISO date: left as written
  CHECK(date_text("2025-02-30") == "2025-02-30"); // no such day
  CHECK(language_from_code("en") == Language::en);
  CHECK(language_from_code("vi") == Language::vi);
  CHECK_FALSE(language_from_code("fr"));
  CHECK_FALSE(language_from_code("EN"));
}

TEST_CASE("the PDF of the sample record holds every nominee row, the totals, the names and the fingerprint") {
  const auto m = make_sample("text");
  REQUIRE(m.res.ok);
  const auto &r = *m.res.report.record;
  const auto text = pdf_text(m.pdf);
  CHECK(text.find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") != std::string::npos);
  CHECK(text.find("Độc lập - Tự do - Hạnh phúc") != std::string::npos);
  CHECK(text.find("BIÊN BẢN KIỂM PHIẾU") != std::string::npos);
  CHECK(text.find("ngày 15 tháng 6 năm 2025") != std::string::npos);
  for (const auto &c : r.contests) {
    if (!c.nominee) continue;
    INFO(c.nominee->name);
    CHECK(text.find(c.nominee->name) != std::string::npos);
    // The record's one rounding rule (half up), the same figure as the CLI's table.
    CHECK(text.find(cv::record::percent_text(cv::record::agree_basis_points(c.agree, r.turnout.members))) !=
          std::string::npos);
  }
  for (const auto &p : r.members) {
    if (p.council_role == cv::record::CouncilRole::chair ||
        p.council_role == cv::record::CouncilRole::secretary) {
      INFO(p.full_name);
      CHECK(text.find(p.full_name) != std::string::npos);
    }
  }
  for (const auto &t : r.trustees)
    CHECK(text.find(cv::record::find_member(r, t.member_no)->full_name) != std::string::npos);
  CHECK(text.find("Tổng số thành viên hội đồng: " + std::to_string(r.turnout.members)) != std::string::npos);
  CHECK(text.find("số phiếu thu vào: " + std::to_string(r.turnout.ballots)) != std::string::npos);
  CHECK(text.find("Chủ tọa quyết định") != std::string::npos); // the sample's tie, decided
  CHECK(text.find("UTC+07:00") != std::string::npos);
  CHECK(text.find("T/M BAN KIỂM PHIẾU") != std::string::npos);
  // The fingerprint, in two halves on every page.
  const int pages = pdf_pages(m.pdf);
  REQUIRE(pages >= 1);
  for (int p = 1; p <= pages; ++p) {
    const auto pt = pdf_text(m.pdf, p, p);
    CHECK(pt.find(m.res.fingerprint_hex.substr(0, 32)) != std::string::npos);
    CHECK(pt.find(m.res.fingerprint_hex.substr(32)) != std::string::npos);
    CHECK(pt.find("Trang " + std::to_string(p) + "/" + std::to_string(pages)) != std::string::npos);
  }
}

TEST_CASE("the QR code on the page decodes to the record's fingerprint") {
  const auto m = make_sample("qr");
  REQUIRE(m.res.ok);
  const auto png = m.dir / "page";
  int st = -1;
  run("pdftoppm -r 150 -png -f 1 -l 1 '" + m.pdf.string() + "' '" + png.string() + "'", &st);
  REQUIRE(st == 0);
  std::filesystem::path image;
  for (const auto &e : std::filesystem::directory_iterator(m.dir))
    if (e.path().extension() == ".png") image = e.path();
  REQUIRE(!image.empty());
  const auto out = run("zbarimg -q --raw '" + image.string() + "' 2>/dev/null", &st);
  CHECK(st == 0);
  CHECK(out.find(m.res.fingerprint_hex) != std::string::npos);
}

TEST_CASE("the fonts are embedded Liberation Serif") {
  const auto m = make_sample("fonts");
  REQUIRE(m.res.ok);
  const auto out = run("pdffonts '" + m.pdf.string() + "'");
  CHECK(out.find("LiberationSerif") != std::string::npos);
  std::istringstream lines(out);
  std::string line;
  int fonts = 0;
  while (std::getline(lines, line)) {
    if (line.find("LiberationSerif") == std::string::npos) continue;
    ++fonts;
    INFO(line);
    CHECK(line.find(" yes ") != std::string::npos); // emb
  }
  CHECK(fonts >= 2);
}

TEST_CASE("pdfdetach extracts the exact record bytes") {
  const auto m = make_sample("detach");
  REQUIRE(m.res.ok);
  const auto out = m.dir / "out.jsonl";
  int st = -1;
  run("pdfdetach -save 1 -o '" + out.string() + "' '" + m.pdf.string() + "'", &st);
  REQUIRE(st == 0);
  CHECK(slurp(out) == slurp(m.record));
}

TEST_CASE("a tampered record is refused, with the failing check, and nothing is written") {
  const auto dir = scratch("tamper");
  auto bytes = slurp(std::filesystem::path(CV_DOCS_DIR) / "record-sample.jsonl");
  const auto at = bytes.find("\"sig\":\""); // the bundle's signature
  REQUIRE(at != std::string::npos);
  bytes[at + 7] = bytes[at + 7] == '0' ? '1' : '0';
  spit(dir / "r.jsonl", bytes);
  const auto res = make_minutes({dir / "r.jsonl", dir / "b.pdf", dir / "b.csv", dir / "b.html"});
  CHECK_FALSE(res.ok);
  CHECK(res.error.find("does not verify") != std::string::npos);
  CHECK(!std::filesystem::exists(dir / "b.pdf"));
  CHECK(!std::filesystem::exists(dir / "b.csv"));
  CHECK(!std::filesystem::exists(dir / "b.html"));
  int st = -1;
  const auto err = run(std::string("QT_QPA_PLATFORM=offscreen ") + CV_MINUTES_BINARY + " '" +
                           (dir / "r.jsonl").string() + "' --out '" + (dir / "c.pdf").string() + "' 2>&1",
                       &st);
  CHECK(st == 1);
  CHECK(err.find("does not verify") != std::string::npos);
  CHECK(!std::filesystem::exists(dir / "c.pdf"));
}

TEST_CASE("the CSV parses back to the record's counts") {
  const auto m = make_sample("csv");
  REQUIRE(m.res.ok);
  const auto &r = *m.res.report.record;
  std::istringstream in(slurp(m.csv));
  std::string line;
  REQUIRE(std::getline(in, line));
  CHECK(line.starts_with("\xEF\xBB\xBF# fingerprint," + m.res.fingerprint_hex));
  REQUIRE(std::getline(in, line));
  const auto head = csv_fields(line.substr(0, line.find('\r')));
  REQUIRE(head.size() == 14);
  CHECK(head[6] == "agree");
  std::size_t rows = 0;
  while (std::getline(in, line)) {
    const auto f = csv_fields(line.substr(0, line.find('\r')));
    REQUIRE(f.size() == 14);
    ++rows;
    const auto no = static_cast<std::uint32_t>(std::stoul(f[1]));
    const auto it = std::find_if(r.contests.begin(), r.contests.end(),
                                 [&](const auto &c) { return c.nominee && c.nominee->nominee_no == no; });
    REQUIRE(it != r.contests.end());
    CHECK(f[2] == it->nominee->name);
    CHECK(std::stoull(f[6]) == it->agree);
    CHECK(std::stoull(f[7]) == it->disagree);
    CHECK(std::stoull(f[8]) == it->blank);
    CHECK(std::stoull(f[9]) == it->not_voted);
  }
  CHECK(rows == static_cast<std::size_t>(std::count_if(r.contests.begin(), r.contests.end(),
                                                       [](const auto &c) { return c.nominee.has_value(); })));
}

TEST_CASE("the HTML is one standalone A4 page with the same rows") {
  const auto m = make_sample("html");
  REQUIRE(m.res.ok);
  const auto html = slurp(m.html);
  CHECK(html.find("@page { size: A4") != std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find("src=") == std::string::npos);
  CHECK(html.find(m.res.fingerprint_hex) != std::string::npos);
  for (const auto &c : m.res.report.record->contests)
    if (c.nominee) CHECK(html.find(c.nominee->name) != std::string::npos);
}

TEST_CASE("the English minutes translate every text of their own and keep the record's data as recorded") {
  const auto m = make_sample("english", Language::en);
  REQUIRE(m.res.ok);
  const auto &r = *m.res.report.record;
  const auto text = pdf_text(m.pdf);
  CHECK(text.find("SOCIALIST REPUBLIC OF VIET NAM") != std::string::npos);
  CHECK(text.find("Independence - Freedom - Happiness") != std::string::npos);
  CHECK(text.find("MINUTES OF THE VOTE COUNT") != std::string::npos);
  CHECK(text.find("15 June 2025") != std::string::npos);
  CHECK(text.find("Members of the council: " + std::to_string(r.turnout.members)) != std::string::npos);
  CHECK(text.find("Ballots issued:") != std::string::npos);
  CHECK(text.find("(the Chair's decision)") != std::string::npos); // the sample's tie, decided
  CHECK(text.find("UTC+07:00") != std::string::npos);
  CHECK(text.find("FOR THE VOTE-") != std::string::npos); // the role wraps in its block
  // None of the Vietnamese texts of the minutes is left.
  for (const char *vi : {"BIÊN BẢN", "CỘNG HÒA", "Tổng số thành viên", "Đạt", "Kết quả", "Trang ",
                         "Dấu vân tay", "Chủ tọa", "ngày 15 tháng 6"}) {
    INFO(vi);
    CHECK(text.find(vi) == std::string::npos);
  }
  // The record's own data, in Vietnamese, and the percentages with a decimal point.
  for (const auto &c : r.contests) {
    if (!c.nominee) continue;
    INFO(c.nominee->name);
    CHECK(text.find(c.nominee->name) != std::string::npos);
    CHECK(text.find(cv::record::percent_text(c.agree_basis_points, ".")) != std::string::npos);
  }
  const int pages = pdf_pages(m.pdf);
  for (int p = 1; p <= pages; ++p)
    CHECK(pdf_text(m.pdf, p, p).find("Page " + std::to_string(p) + "/" + std::to_string(pages)) !=
          std::string::npos);
  // The same record attached, the same fingerprint: the language changes no figure.
  const auto vi = make_sample("english-vi");
  CHECK(vi.res.fingerprint_hex == m.res.fingerprint_hex);
  const auto html = slurp(m.html);
  CHECK(html.find("<html lang=\"en\">") != std::string::npos);
  CHECK(html.find("MINUTES OF THE VOTE COUNT") != std::string::npos);
  CHECK(html.find("BIÊN BẢN") == std::string::npos);
  CHECK(slurp(m.csv).find(",Passed") != std::string::npos);
}

TEST_CASE("councilvote-minutes takes --lang en and refuses a language it does not have, writing nothing") {
  const auto dir = scratch("lang");
  std::filesystem::copy_file(std::filesystem::path(CV_DOCS_DIR) / "record-sample.jsonl", dir / "r.jsonl");
  int st = -1;
  const std::string cmd = std::string("QT_QPA_PLATFORM=offscreen ") + CV_MINUTES_BINARY + " '" +
                          (dir / "r.jsonl").string() + "' --out '";
  auto out = run(cmd + (dir / "fr.pdf").string() + "' --lang fr 2>&1", &st);
  CHECK(st == 2);
  CHECK(out.find("--lang fr") != std::string::npos);
  CHECK(!std::filesystem::exists(dir / "fr.pdf"));
  out = run(cmd + (dir / "en.pdf").string() + "' --lang en 2>&1", &st);
  CHECK(st == 0);
  CHECK(out.find("RECORD VALID") != std::string::npos);
  CHECK(pdf_text(dir / "en.pdf").find("MINUTES OF THE VOTE COUNT") != std::string::npos);
  // The PDF in English verifies like the Vietnamese one.
  out = run(std::string(CV_VERIFY_BINARY) + " '" + (dir / "en.pdf").string() + "' 2>&1", &st);
  CHECK(st == 0);
  CHECK(out.find("pdf.fingerprint") != std::string::npos);
  CHECK(out.find("RECORD VALID") != std::string::npos);
}
