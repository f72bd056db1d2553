// councilvote-minutes: the minutes (biên bản kiểm phiếu) of a record file, for the secretary.
//
//   councilvote-minutes RECORD --out bien-ban.pdf [--csv FILE] [--html FILE] [--lang vi|en]
//
// Exit codes: 0 written, 1 the record does not verify (the failing check is named) or a file
// cannot be written (nothing is written then), 2 usage.
#include "councilvote/crypto/init.hpp"
#include "councilvote/minutes/minutes.hpp"

#include <QGuiApplication>
#include <cstdio>
#include <string>

namespace {

const char *const kHelp = R"(Usage: councilvote-minutes RECORD --out FILE.pdf [options]

Verifies the record file RECORD (as councilvote-verify does) and, only if every check passes,
writes the minutes of the vote count (biên bản kiểm phiếu) from the record alone: an A4 PDF with
the record file attached and its fingerprint printed and QR-coded on every page.

Options:
  --out FILE     the PDF
  --csv FILE     the nominee table as CSV (UTF-8 with BOM; first line "# fingerprint,<hex>")
  --html FILE    the minutes as one standalone HTML page
  --lang vi|en   the language of the minutes' own texts: vi (Vietnamese, the default) or en
                 (English); names, awards and units stay as the record writes them
  -h, --help     show this help
)";

int usage(const std::string &why) {
  std::fprintf(stderr, "councilvote-minutes: %s (see --help)\n", why.c_str());
  return 2;
}

} // namespace

int main(int argc, char **argv) {
  cv::minutes::MinutesOptions o;
  bool have_record = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool has_value = i + 1 < argc;
    if (a == "-h" || a == "--help") {
      std::fputs(kHelp, stdout);
      return 0;
    } else if (a == "--out" || a == "--csv" || a == "--html" || a == "--lang") {
      if (!has_value) return usage(a + " needs a value");
      const std::string v = argv[++i];
      if (a == "--out")
        o.pdf = v;
      else if (a == "--csv")
        o.csv = v;
      else if (a == "--html")
        o.html = v;
      else if (const auto l = cv::minutes::language_from_code(v))
        o.language = *l;
      else
        return usage("--lang " + v + ": the minutes are written in vi (Vietnamese) or en (English)");
    } else if (!a.empty() && a[0] == '-') {
      return usage("unknown option '" + a + "'");
    } else if (!have_record) {
      o.record = a;
      have_record = true;
    } else {
      return usage("one record file at a time");
    }
  }
  if (!have_record) return usage("which record file?");
  if (!o.pdf && !o.csv && !o.html) return usage("nothing to write: give --out, --csv or --html");
  if (auto r = cv::crypto::init(); !r) {
    std::fprintf(stderr, "councilvote-minutes: the cryptographic self-test failed: %s\n",
                 r.error().message.c_str());
    return 1;
  }
  qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
  QGuiApplication app(argc, argv);
  const auto res = cv::minutes::make_minutes(o);
  if (!res.ok) {
    std::fprintf(stderr, "councilvote-minutes: %s\n", res.error.c_str());
    return 1;
  }
  for (const auto &p : {o.pdf, o.csv, o.html})
    if (p) std::printf("%s\n", p->string().c_str());
  std::printf("RECORD VALID %s\n", res.fingerprint_hex.c_str());
  return 0;
}
