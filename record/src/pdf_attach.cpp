// The record file as a PDF attachment (docs/minutes.md §5): an incremental update written and read
// with a small reader of the classic cross-reference table (what QPdfWriter writes).
#include "councilvote/record/pdf_attach.hpp"

#include <charconv>
#include <cstdint>
#include <map>
#include <optional>

namespace cv::record {
namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; }
bool is_delim(char c) {
  return is_space(c) || c == '/' || c == '<' || c == '>' || c == '[' || c == ']' || c == '(' || c == ')' ||
         c == '%';
}

std::optional<std::uint64_t> number_at(std::string_view s, std::size_t &pos) {
  while (pos < s.size() && is_space(s[pos])) ++pos;
  std::uint64_t v = 0;
  const auto *first = s.data() + pos, *last = s.data() + s.size();
  auto [p, ec] = std::from_chars(first, last, v);
  if (ec != std::errc{} || p == first) return std::nullopt;
  pos += static_cast<std::size_t>(p - first);
  return v;
}

// The position just after "/key" in `dict` (the name ending at a delimiter), or npos.
std::size_t find_key(std::string_view dict, std::string_view key) {
  const std::string name = "/" + std::string(key);
  for (std::size_t at = dict.find(name); at != std::string_view::npos; at = dict.find(name, at + 1)) {
    const std::size_t end = at + name.size();
    if (end >= dict.size() || is_delim(dict[end])) return end;
  }
  return std::string_view::npos;
}

// "N G R" after /key.
std::optional<std::uint64_t> ref_of(std::string_view dict, std::string_view key) {
  std::size_t pos = find_key(dict, key);
  if (pos == std::string_view::npos) return std::nullopt;
  auto n = number_at(dict, pos);
  auto g = number_at(dict, pos);
  while (pos < dict.size() && is_space(dict[pos])) ++pos;
  if (!n || !g || pos >= dict.size() || dict[pos] != 'R') return std::nullopt;
  return n;
}

// The dictionary "<< ... >>" that starts at or after `pos` (nested dictionaries counted; strings
// are not looked into: the dictionaries read here hold none with angle brackets).
std::optional<std::string_view> dict_at(std::string_view s, std::size_t pos) {
  const std::size_t open = s.find("<<", pos);
  if (open == std::string_view::npos) return std::nullopt;
  int depth = 0;
  for (std::size_t i = open; i + 1 < s.size(); ++i) {
    if (s[i] == '<' && s[i + 1] == '<') {
      ++depth, ++i;
    } else if (s[i] == '>' && s[i + 1] == '>') {
      if (--depth == 0) return s.substr(open, i + 2 - open);
      ++i;
    }
  }
  return std::nullopt;
}

struct Xref {
  std::map<std::uint64_t, std::uint64_t> offsets; // object number -> byte offset (latest update wins)
  std::string trailer;                            // the last trailer dictionary
  std::uint64_t last_xref = 0;
  std::uint64_t size = 0;
};

Result<Xref> read_xref(std::string_view pdf) {
  auto bad = [](const std::string &why) { return make_error(Errc::bad_field, "the PDF " + why); };
  const std::size_t sx = pdf.rfind("startxref");
  if (sx == std::string_view::npos) return bad("has no startxref");
  std::size_t pos = sx + 9;
  auto start = number_at(pdf, pos);
  if (!start) return bad("has no cross-reference offset after startxref");
  Xref x;
  x.last_xref = *start;
  std::optional<std::uint64_t> at = *start;
  for (int updates = 0; at && updates < 64; ++updates) {
    pos = static_cast<std::size_t>(*at);
    if (pos >= pdf.size() || pdf.substr(pos, 4) != "xref")
      return bad("has no classic cross-reference table at byte " + std::to_string(*at));
    pos += 4;
    for (;;) {
      std::size_t probe = pos;
      while (probe < pdf.size() && is_space(pdf[probe])) ++probe;
      if (pdf.substr(probe, 7) == "trailer") {
        pos = probe + 7;
        break;
      }
      auto first = number_at(pdf, pos), count = number_at(pdf, pos);
      if (!first || !count || *count > 10'000'000)
        return bad("has a cross-reference table that cannot be read");
      for (std::uint64_t i = 0; i < *count; ++i) {
        auto off = number_at(pdf, pos), gen = number_at(pdf, pos);
        while (pos < pdf.size() && is_space(pdf[pos])) ++pos;
        if (!off || !gen || pos >= pdf.size()) return bad("has a cross-reference entry that cannot be read");
        const char kind = pdf[pos++];
        if (pdf[pos - 1] == 'n')
          x.offsets.try_emplace(*first + i, *off);
        else if (kind != 'f')
          return bad("has a cross-reference entry that is neither n nor f");
      }
    }
    auto trailer = dict_at(pdf, pos);
    if (!trailer) return bad("has a trailer that cannot be read");
    if (x.trailer.empty()) {
      x.trailer = std::string(*trailer);
      std::size_t sp = find_key(*trailer, "Size");
      auto size = sp == std::string_view::npos ? std::nullopt : number_at(*trailer, sp);
      if (!size) return bad("trailer has no /Size");
      x.size = *size;
    }
    std::size_t pp = find_key(*trailer, "Prev");
    at = pp == std::string_view::npos ? std::nullopt : number_at(*trailer, pp);
  }
  return x;
}

// The text of object `num` from "N G obj" to "endobj".
std::optional<std::string_view> object_text(std::string_view pdf, const Xref &x, std::uint64_t num) {
  auto it = x.offsets.find(num);
  if (it == x.offsets.end() || it->second >= pdf.size()) return std::nullopt;
  std::size_t pos = static_cast<std::size_t>(it->second);
  auto n = number_at(pdf, pos);
  if (!n || *n != num) return std::nullopt;
  const std::size_t obj = pdf.find("obj", pos);
  if (obj == std::string_view::npos || obj > pos + 16) return std::nullopt;
  return pdf.substr(obj + 3);
}

std::string pdf_string(std::string_view s) {
  std::string out = "(";
  for (char c : s) {
    if (c == '(' || c == ')' || c == '\\') out += '\\';
    out += c;
  }
  return out + ")";
}

std::string offset10(std::size_t v) {
  std::string s = std::to_string(v);
  return std::string(10 - std::min<std::size_t>(10, s.size()), '0') + s;
}

bool is_hex64(std::string_view s) {
  if (s.size() != 64) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

} // namespace

bool looks_like_pdf(std::string_view bytes) noexcept { return bytes.starts_with("%PDF-"); }

Result<std::string> attach_record_to_pdf(std::string_view pdf, std::string_view record_bytes,
                                         std::string_view file_name, std::string_view fingerprint_hex) {
  if (!is_hex64(fingerprint_hex))
    return make_error(Errc::invalid_argument, "the fingerprint must be 64 lower-case hex digits");
  auto x = read_xref(pdf);
  if (!x) return x.error();
  auto root = ref_of(x->trailer, "Root");
  if (!root) return make_error(Errc::bad_field, "the PDF trailer names no /Root catalog");
  auto cat_obj = object_text(pdf, *x, *root);
  auto cat = cat_obj ? dict_at(*cat_obj, 0) : std::nullopt;
  if (!cat) return make_error(Errc::bad_field, "the PDF catalog cannot be read");
  if (find_key(*cat, "Names") != std::string_view::npos)
    return make_error(Errc::bad_field, "the PDF catalog has a /Names dictionary already");
  const std::uint64_t file_obj = x->size, spec_obj = x->size + 1;
  std::string out(pdf);
  if (!out.ends_with('\n')) out += '\n';
  const std::string len = std::to_string(record_bytes.size());
  const std::size_t file_at = out.size();
  out += std::to_string(file_obj) + " 0 obj\n<< /Type /EmbeddedFile /Subtype /application#2Fjsonl /Length " +
         len + " /Params << /Size " + len + " >> >>\nstream\n";
  out += record_bytes;
  out += "\nendstream\nendobj\n";
  const std::size_t spec_at = out.size();
  out += std::to_string(spec_obj) + " 0 obj\n<< /Type /Filespec /F " + pdf_string(file_name) + " /UF " +
         pdf_string(file_name) + " /Desc (CouncilVote record file) /AFRelationship /Source /EF << /F " +
         std::to_string(file_obj) + " 0 R >> >>\nendobj\n";
  const std::size_t cat_at = out.size();
  std::string body(cat->substr(2, cat->size() - 4)); // without "<<" and ">>"
  out += std::to_string(*root) + " 0 obj\n<<" + body + "\n/Names << /EmbeddedFiles << /Names [" +
         pdf_string(file_name) + " " + std::to_string(spec_obj) + " 0 R] >> >>\n/" +
         std::string(kPdfFingerprintKey) + " (" + std::string(fingerprint_hex) + ")\n>>\nendobj\n";
  const std::size_t xref_at = out.size();
  out += "xref\n0 1\n0000000000 65535 f \n" + std::to_string(*root) + " 1\n" + offset10(cat_at) +
         " 00000 n \n" + std::to_string(file_obj) + " 2\n" + offset10(file_at) + " 00000 n \n" +
         offset10(spec_at) + " 00000 n \n";
  out += "trailer\n<< /Size " + std::to_string(x->size + 2) + " /Root " + std::to_string(*root) + " 0 R";
  if (auto info = ref_of(x->trailer, "Info")) out += " /Info " + std::to_string(*info) + " 0 R";
  out +=
      " /Prev " + std::to_string(x->last_xref) + " >>\nstartxref\n" + std::to_string(xref_at) + "\n%%EOF\n";
  return out;
}

Result<PdfRecordAttachment> read_record_from_pdf(std::string_view pdf) {
  auto att = [](const std::string &why) { return check_error("pdf.attachment", why); };
  if (!looks_like_pdf(pdf)) return att("the file is not a PDF");
  auto x = read_xref(pdf);
  if (!x) return att(x.error().message);
  auto root = ref_of(x->trailer, "Root");
  auto cat_obj = root ? object_text(pdf, *x, *root) : std::nullopt;
  auto cat = cat_obj ? dict_at(*cat_obj, 0) : std::nullopt;
  if (!cat) return att("the PDF catalog cannot be read");
  PdfRecordAttachment out;
  // The attachment: /Names << /EmbeddedFiles << /Names [(name) N 0 R] >> >>.
  std::size_t ef = find_key(*cat, "EmbeddedFiles");
  if (ef == std::string_view::npos) return att("the PDF catalog has no /EmbeddedFiles name tree");
  std::size_t names = find_key(cat->substr(ef), "Names");
  if (names == std::string_view::npos) return att("the /EmbeddedFiles name tree has no /Names array");
  std::string_view arr = cat->substr(ef + names);
  std::size_t p = arr.find('[');
  std::size_t open = arr.find('(', p == std::string_view::npos ? 0 : p);
  if (p == std::string_view::npos || open == std::string_view::npos) return att("the /Names array is empty");
  std::size_t i = open + 1;
  for (; i < arr.size() && arr[i] != ')'; ++i) {
    if (arr[i] == '\\' && i + 1 < arr.size()) ++i;
    out.file_name += arr[i];
  }
  ++i;
  auto spec_num = number_at(arr, i);
  auto spec_obj = spec_num ? object_text(pdf, *x, *spec_num) : std::nullopt;
  auto spec = spec_obj ? dict_at(*spec_obj, 0) : std::nullopt;
  if (!spec) return att("the attachment's file specification cannot be read");
  std::size_t efk = find_key(*spec, "EF");
  auto file_num = efk == std::string_view::npos ? std::nullopt : ref_of(spec->substr(efk), "F");
  auto file_obj = file_num ? object_text(pdf, *x, *file_num) : std::nullopt;
  auto fdict = file_obj ? dict_at(*file_obj, 0) : std::nullopt;
  if (!fdict) return att("the attached file's stream cannot be read");
  if (find_key(*fdict, "Filter") != std::string_view::npos)
    return att("the attached file is compressed (minutes attach it uncompressed)");
  std::size_t lp = find_key(*fdict, "Length");
  auto len = lp == std::string_view::npos ? std::nullopt : number_at(*fdict, lp);
  if (!len) return att("the attached file's stream has no direct /Length");
  const std::size_t dict_end =
      static_cast<std::size_t>(fdict->data() + fdict->size() - file_obj->data()); // within *file_obj
  std::size_t s = file_obj->find("stream", dict_end);
  if (s == std::string_view::npos) return att("the attached file has no stream");
  s += 6;
  if (s < file_obj->size() && (*file_obj)[s] == '\r') ++s;
  if (s < file_obj->size() && (*file_obj)[s] == '\n') ++s;
  if (s + *len > file_obj->size()) return att("the attached file's stream is shorter than its /Length");
  out.bytes = std::string(file_obj->substr(s, static_cast<std::size_t>(*len)));
  std::size_t after = s + static_cast<std::size_t>(*len);
  while (after < file_obj->size() && is_space((*file_obj)[after])) ++after;
  if (file_obj->substr(after, 9) != "endstream")
    return att("the attached file's stream does not end at its /Length");
  return out;
}

Result<std::string> read_pdf_fingerprint(std::string_view pdf) {
  auto bad = [](const std::string &why) { return check_error("pdf.fingerprint", why); };
  auto x = read_xref(pdf);
  if (!x) return bad(x.error().message);
  auto root = ref_of(x->trailer, "Root");
  auto cat_obj = root ? object_text(pdf, *x, *root) : std::nullopt;
  auto cat = cat_obj ? dict_at(*cat_obj, 0) : std::nullopt;
  if (!cat) return bad("the PDF catalog cannot be read");
  std::size_t fk = find_key(*cat, kPdfFingerprintKey);
  if (fk == std::string_view::npos) return bad("the PDF catalog has no /CVRecordFingerprint");
  std::size_t q = cat->find('(', fk), qe = q == std::string_view::npos ? q : cat->find(')', q);
  if (qe == std::string_view::npos || !is_hex64(cat->substr(q + 1, qe - q - 1)))
    return bad("the PDF's /CVRecordFingerprint is not 64 lower-case hex digits");
  return std::string(cat->substr(q + 1, qe - q - 1));
}

} // namespace cv::record
