// Painting the minutes: blocks measured first, laid out on A4 pages (a table row never split, the
// table header repeated on each page), then painted with the page count known.
#include "councilvote/minutes/document.hpp"

#include "councilvote/minutes/qr.hpp"

#include <QBuffer>
#include <QFontDatabase>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <functional>
#include <stdexcept>

namespace cv::minutes {
namespace {

constexpr double kPageW = 210, kPageH = 297;
constexpr double kLeft = 30, kRight = 15, kTop = 20, kBottom = 20, kFooter = 20;
constexpr double kContentW = kPageW - kLeft - kRight;
constexpr double kBodyBottom = kPageH - kBottom - kFooter;
constexpr int kDpi = 300;
constexpr double kPad = 1.0; // cell padding, mm

QString q(const std::string &s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }
QString q(const std::vector<std::string> &v, std::size_t i) { return q(v.at(i)); }

struct Ctx {
  QPainter &p;
  QString family;
  [[nodiscard]] static double mm(double v) { return v * kDpi / 25.4; }
  [[nodiscard]] static double to_mm(double d) { return d * 25.4 / kDpi; }
  [[nodiscard]] QFont font(double pt, bool bold = false, bool italic = false) const {
    QFont f(family);
    f.setPointSizeF(pt);
    f.setBold(bold);
    f.setItalic(italic);
    return f;
  }
  // Height in mm of `text` wrapped to `width_mm`.
  [[nodiscard]] double text_height(const QFont &f, double width_mm, const QString &text, int flags) const {
    p.setFont(f);
    const QRectF r = p.boundingRect(QRectF(0, 0, mm(width_mm), mm(1000)), flags, text);
    return to_mm(r.height());
  }
  // `f`, made smaller (to 6.5 pt at least) until the longest word of `text` — or, when it does not
  // wrap, the whole text — fits in `width_mm`: a heading such as "Disagree" is never clipped.
  [[nodiscard]] QFont fitted(QFont f, double width_mm, const QString &text, bool wrap) const {
    const QStringList words =
        wrap ? text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts) : QStringList{text};
    for (;;) {
      p.setFont(f);
      double widest = 0;
      for (const auto &w : words) widest = std::max(widest, to_mm(p.fontMetrics().horizontalAdvance(w)));
      if (widest <= width_mm || f.pointSizeF() <= 6.5) return f;
      f.setPointSizeF(f.pointSizeF() - 0.5);
    }
  }
  void text(const QFont &f, double x, double y, double w, double h, const QString &t, int flags) const {
    p.setFont(f);
    p.drawText(QRectF(mm(x), mm(y), mm(w), mm(h)), flags, t);
  }
};

struct Block {
  double height = 0;
  std::function<void(double y)> draw;
  int table = -1;              // a row of table `table`: its header is repeated on a new page
  bool keep_with_next = false; // a heading: never the last block of a page
};

struct Column {
  double width;
  QString head;
  int align;
  bool wrap;
};

struct Table {
  std::vector<Column> cols;
  double head_pt = 9.5, body_pt = 10;
};

class Builder {
public:
  explicit Builder(Ctx &c) : c_(c) {}
  std::vector<Block> blocks;
  std::vector<Block> headers; // per table

  void paragraph(const QString &t, double pt, bool bold = false, bool italic = false,
                 int align = Qt::AlignJustify, double before = 1.5, double indent = 0) {
    const QFont f = c_.font(pt, bold, italic);
    const int flags = align | Qt::TextWordWrap;
    const double w = kContentW - indent;
    const double h = c_.text_height(f, w, t, flags);
    Ctx *c = &c_;
    blocks.push_back({h + before, [c, f, flags, w, t, before, indent, h](double y) {
                        c->text(f, kLeft + indent, y + before, w, h + 1, t, flags);
                      }});
  }
  void heading(const QString &t, double pt = 13) {
    paragraph(t, pt, true, false, Qt::AlignLeft, 4);
    blocks.back().keep_with_next = true;
  }
  void space(double h) {
    blocks.push_back({h, [](double) {}});
  }
  int table(Table t) {
    const int id = static_cast<int>(headers.size());
    tables_.push_back(t);
    std::vector<QString> cells;
    for (const auto &col : t.cols) cells.push_back(col.head);
    headers.push_back(row_block(id, cells, true, false));
    blocks.push_back(headers.back());
    blocks.back().keep_with_next = true;
    return id;
  }
  void row(int id, const std::vector<QString> &cells) {
    blocks.push_back(row_block(id, cells, false, false));
    blocks.back().table = id;
  }
  // One cell across the table (an award's heading inside the table).
  void span_row(int id, const QString &t) {
    const QFont f = c_.font(tables_[static_cast<std::size_t>(id)].body_pt, true);
    const int flags = Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap;
    const double h = c_.text_height(f, kContentW - 2 * kPad, t, flags) + 2 * kPad;
    Ctx *c = &c_;
    blocks.push_back({h, [c, f, flags, h, t](double y) {
                        c->p.setPen(QPen(Qt::black, Ctx::mm(0.2)));
                        c->p.setBrush(QColor(235, 235, 235));
                        c->p.drawRect(QRectF(Ctx::mm(kLeft), Ctx::mm(y), Ctx::mm(kContentW), Ctx::mm(h)));
                        c->p.setBrush(Qt::NoBrush);
                        c->text(f, kLeft + kPad, y + kPad, kContentW - 2 * kPad, h - 2 * kPad, t, flags);
                      }});
    blocks.back().table = id;
    blocks.back().keep_with_next = true;
  }

private:
  Block row_block(int id, const std::vector<QString> &cells, bool head, bool) {
    const Table &t = tables_[static_cast<std::size_t>(id)];
    const QFont base = c_.font(head ? t.head_pt : t.body_pt, head);
    std::vector<int> flags;
    std::vector<QFont> fonts;
    double h = 0;
    for (std::size_t i = 0; i < t.cols.size(); ++i) {
      const auto &col = t.cols[i];
      const bool wrap = col.wrap || head;
      const int fl = (head ? Qt::AlignHCenter : col.align) | Qt::AlignVCenter | (wrap ? Qt::TextWordWrap : 0);
      flags.push_back(fl);
      fonts.push_back(c_.fitted(base, col.width - 2 * kPad, cells[i], wrap));
      h = std::max(h, c_.text_height(fonts.back(), col.width - 2 * kPad, cells[i], fl) + 2 * kPad);
    }
    Ctx *c = &c_;
    auto cols = t.cols;
    return {h, [c, fonts, flags, cols, cells, h, head](double y) {
              double x = kLeft;
              c->p.setPen(QPen(Qt::black, Ctx::mm(0.2)));
              for (std::size_t i = 0; i < cols.size(); ++i) {
                if (head) c->p.setBrush(QColor(220, 220, 220));
                c->p.drawRect(QRectF(Ctx::mm(x), Ctx::mm(y), Ctx::mm(cols[i].width), Ctx::mm(h)));
                c->p.setBrush(Qt::NoBrush);
                c->text(fonts[i], x + kPad, y + kPad, cols[i].width - 2 * kPad, h - 2 * kPad, cells[i],
                        flags[i]);
                x += cols[i].width;
              }
            }};
  }
  Ctx &c_;
  std::vector<Table> tables_;
};

// Pages of (block, y) in mm.
using Page = std::vector<std::pair<const Block *, double>>;
std::vector<Page> paginate(const std::vector<Block> &blocks, const std::vector<Block> &headers) {
  std::vector<Page> pages(1);
  double y = kTop;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const Block &b = blocks[i];
    double need = b.height;
    for (std::size_t j = i; j + 1 < blocks.size() && blocks[j].keep_with_next; ++j)
      need += blocks[j + 1].height;
    if (y + need > kBodyBottom && !pages.back().empty()) {
      pages.emplace_back();
      y = kTop;
      if (b.table >= 0) {
        const Block &h = headers[static_cast<std::size_t>(b.table)];
        pages.back().push_back({&h, y});
        y += h.height;
      }
    }
    pages.back().push_back({&b, y});
    y += b.height;
  }
  return pages;
}

void footer(const Ctx &c, const MinutesInput &in, const QrModules &qr, int page, int pages) {
  // "Trang x/y" centred in the top margin.
  c.text(c.font(11), kLeft, 8, kContentW, 8, q(in.texts.page_prefix) + QString("%1/%2").arg(page).arg(pages),
         Qt::AlignCenter);
  const double top = kPageH - kBottom - kFooter + 3;
  c.p.setPen(QPen(Qt::black, Ctx::mm(0.2)));
  c.p.drawLine(QPointF(Ctx::mm(kLeft), Ctx::mm(top)), QPointF(Ctx::mm(kLeft + kContentW), Ctx::mm(top)));
  const double qr_mm = 20;
  const double qx = kLeft + kContentW - qr_mm, qy = top + 1.5;
  const double cell = qr_mm / (qr.size + 4);
  c.p.setPen(Qt::NoPen);
  c.p.setBrush(Qt::black);
  for (int yy = 0; yy < qr.size; ++yy)
    for (int xx = 0; xx < qr.size; ++xx)
      if (qr.at(xx, yy))
        c.p.drawRect(QRectF(Ctx::mm(qx + (xx + 2) * cell), Ctx::mm(qy + (yy + 2) * cell), Ctx::mm(cell) + 0.5,
                            Ctx::mm(cell) + 0.5));
  c.p.setBrush(Qt::NoBrush);
  c.p.setPen(Qt::black);
  const QString fp = q(in.fingerprint_hex);
  c.text(c.font(8.5, false, true), kLeft, top + 2, kContentW - qr_mm - 3, 5, q(in.texts.footer_fingerprint),
         Qt::AlignLeft | Qt::TextWordWrap);
  c.text(c.font(8.5), kLeft, top + 6.5, kContentW - qr_mm - 3, 5, fp.left(32), Qt::AlignLeft);
  c.text(c.font(8.5), kLeft, top + 10.5, kContentW - qr_mm - 3, 5, fp.mid(32), Qt::AlignLeft);
  c.text(c.font(8.5, false, true), kLeft, top + 14.5, kContentW - qr_mm - 3, 5, q(in.texts.footer_check),
         Qt::AlignLeft);
}

double first_page_head(const Ctx &c, const MinutesInput &in, double y, bool draw) {
  const double lw = 68, rx = kLeft + 70, rw = kContentW - 70;
  const QFont b12 = c.font(12, true), b13 = c.font(13, true), i13 = c.font(13, false, true);
  const int wrap = Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap;
  const QString council = q(in.council_upper);
  const double ch = c.text_height(b12, lw, council, wrap);
  const QString pd = q(in.place_date_line);
  const double ph = c.text_height(i13, rw, pd, wrap);
  if (!draw) return std::max(ch + 4, 14 + ph + 2) + 4;
  c.text(b12, kLeft, y, lw, ch + 1, council, wrap);
  c.p.setPen(QPen(Qt::black, Ctx::mm(0.25)));
  c.p.drawLine(QPointF(Ctx::mm(kLeft + lw / 2 - 12), Ctx::mm(y + ch + 1)),
               QPointF(Ctx::mm(kLeft + lw / 2 + 12), Ctx::mm(y + ch + 1)));
  const QString qh = q(in.texts.national_name);
  const QString tn = q(in.texts.motto);
  c.text(b12, rx, y, rw, 6, qh, Qt::AlignHCenter | Qt::AlignTop);
  c.p.setFont(b13);
  const double tnw = Ctx::to_mm(c.p.fontMetrics().horizontalAdvance(tn));
  c.text(b13, rx, y + 5.5, rw, 7, tn, Qt::AlignHCenter | Qt::AlignTop);
  c.p.drawLine(QPointF(Ctx::mm(rx + (rw - tnw) / 2), Ctx::mm(y + 12)),
               QPointF(Ctx::mm(rx + (rw + tnw) / 2), Ctx::mm(y + 12)));
  c.text(i13, rx, y + 14, rw, ph + 1, pd, wrap);
  return 0;
}

} // namespace

QString minutes_font_family() {
  static const QString family = [] {
    QString fam;
    for (const char *style : {"Regular", "Bold", "Italic", "BoldItalic"}) {
      const QString path = QString("/usr/share/fonts/truetype/liberation2/LiberationSerif-%1.ttf").arg(style);
      const int id = QFontDatabase::addApplicationFont(path);
      if (id < 0)
        throw std::runtime_error("the font " + path.toStdString() + " cannot be loaded (fonts-liberation2)");
      const auto fams = QFontDatabase::applicationFontFamilies(id);
      if (!fams.isEmpty()) fam = fams.first();
    }
    return fam;
  }();
  return family;
}

QByteArray render_minutes_pdf(const MinutesInput &in) {
  QByteArray bytes;
  QBuffer buf(&bytes);
  buf.open(QIODevice::WriteOnly);
  QPdfWriter w(&buf);
  w.setResolution(kDpi);
  w.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
  w.setTitle(q(in.texts.pdf_title));
  w.setCreator("CouncilVote councilvote-minutes");
  QPainter p(&w);
  Ctx c{p, minutes_font_family()};
  Builder b(c);
  const auto n = [](std::uint64_t v) { return QString::number(v); };
  const MinutesTexts &x = in.texts;

  {
    const Ctx *cp = &c;
    const MinutesInput *ip = &in;
    b.blocks.push_back({first_page_head(c, in, kTop, false),
                        [cp, ip](double y) { (void)first_page_head(*cp, *ip, y, true); }});
  }
  b.paragraph(q(x.title), 14, true, false, Qt::AlignHCenter, 2);
  b.paragraph(q(in.title), 13, true, false, Qt::AlignHCenter, 1);
  b.space(3);
  for (const auto &f : x.facts) b.paragraph(q(f), 13);

  b.heading(q(x.summary_heading));
  const auto &sc = x.summary_columns;
  const int sum = b.table({{{70, q(sc, 0), Qt::AlignLeft, true},
                            {25, q(sc, 1), Qt::AlignHCenter, false},
                            {20, q(sc, 2), Qt::AlignHCenter, false},
                            {25, q(sc, 3), Qt::AlignHCenter, false},
                            {25, q(sc, 4), Qt::AlignHCenter, false}},
                           11,
                           11});
  for (const auto &a : in.awards)
    b.row(sum, {q(a.award), n(a.nominees), n(a.passed), n(a.not_passed), n(a.ties)});
  if (!x.ties_note.empty()) b.paragraph(q(x.ties_note), 11, false, true);

  b.heading(q(x.table_heading));
  b.paragraph(q(in.rounding_rule), 11, false, true);
  b.space(2);
  const auto &tc = x.table_columns;
  const int main = b.table({{{9, q(tc, 0), Qt::AlignHCenter, false},
                             {42, q(tc, 1), Qt::AlignLeft, true},
                             {12, q(tc, 2), Qt::AlignRight, false},
                             {13, q(tc, 3), Qt::AlignRight, false},
                             {12, q(tc, 4), Qt::AlignRight, false},
                             {13, q(tc, 5), Qt::AlignRight, false},
                             {18, q(tc, 6), Qt::AlignRight, false},
                             {14, q(tc, 7), Qt::AlignHCenter, true},
                             {21, q(tc, 8), Qt::AlignLeft, true},
                             {11, q(tc, 9), Qt::AlignHCenter, false}},
                            9.5,
                            10});
  for (const auto &a : in.awards) {
    b.span_row(main, q(x.award_prefix) + q(a.award));
    for (const auto &r : a.rows) {
      QString who = q(r.name);
      QString detail = q(r.position);
      // A collective's name usually is its unit: the unit is not repeated under it.
      if (!r.unit.empty() && !r.name.ends_with(r.unit)) detail += (detail.isEmpty() ? "" : ", ") + q(r.unit);
      if (!detail.isEmpty()) who += "\n" + detail;
      b.row(main, {n(r.index), who, n(r.agree), n(r.disagree), n(r.blank), n(r.not_voted), q(r.agree_percent),
                   q(r.rule), q(r.outcome), q(r.rank)});
    }
  }
  for (const auto &d : in.chair_decisions) b.paragraph(q(d), 13);
  b.paragraph(q(x.announced), 13, false, false, Qt::AlignJustify, 4);
  b.paragraph(q(x.attached), 13);
  // The closing sentences stay on the page of the signatures (never the signatures alone).
  b.blocks[b.blocks.size() - 2].keep_with_next = true;
  b.blocks.back().keep_with_next = true;
  // The signatures: one block, never split.
  {
    const QFont rb = c.font(13, true), nb = c.font(13, true), it = c.font(11, false, true);
    const QString roles[3] = {q(x.sign_counters), q(x.sign_secretary), q(x.sign_chair)};
    const QString names[3] = {q(in.counters_head), q(in.secretary), q(in.chair)};
    const QString hint = q(x.sign_hint);
    Ctx *cp = &c;
    // The hint "(Ký, ghi rõ họ tên)" goes under the tallest role (a role may take two or three lines).
    const double cw = kContentW / 3;
    double role_h = 0;
    for (const auto &role : roles)
      role_h = std::max(role_h, c.text_height(rb, cw, role, Qt::AlignHCenter | Qt::TextWordWrap));
    b.blocks.push_back(
        {std::max(48.0, role_h + 42), [cp, rb, nb, it, roles, names, hint, cw, role_h](double y) {
           for (int i = 0; i < 3; ++i) {
             const double left = kLeft + i * cw;
             cp->text(rb, left, y + 6, cw, role_h + 1, roles[i], Qt::AlignHCenter | Qt::TextWordWrap);
             cp->text(it, left, y + 6.5 + role_h, cw, 6, hint, Qt::AlignHCenter);
             cp->text(nb, left, std::max(y + 36, y + role_h + 30), cw, 12, names[i],
                      Qt::AlignHCenter | Qt::TextWordWrap);
           }
         }});
  }

  const auto pages = paginate(b.blocks, b.headers);
  const auto qr = qr_modules(in.fingerprint_hex);
  for (std::size_t i = 0; i < pages.size(); ++i) {
    if (i > 0) w.newPage();
    for (const auto &[blk, y] : pages[i]) blk->draw(y);
    footer(c, in, qr, static_cast<int>(i + 1), static_cast<int>(pages.size()));
  }
  p.end();
  return bytes;
}

} // namespace cv::minutes
