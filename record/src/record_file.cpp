#include "councilvote/record/record_file.hpp"

#include "councilvote/record/ids.hpp"
#include "councilvote/record/reader.hpp"

#include <cstdio>
#include <fcntl.h>
#include <sstream>
#include <unistd.h>

namespace cv::record {

namespace {

// "YYYY-MM-DDTHH:MM:SS.SSSZ", digits where the pattern has letters.
bool is_utc_text(std::string_view t) {
  constexpr std::string_view pattern = "dddd-dd-ddTdd:dd:dd.dddZ";
  if (t.size() != pattern.size()) return false;
  for (std::size_t i = 0; i < t.size(); ++i)
    if (pattern[i] == 'd' ? (t[i] < '0' || t[i] > '9') : t[i] != pattern[i]) return false;
  return true;
}

std::string hex(crypto::ByteView b) { return crypto::to_hex(b); }

std::string payload_text_of(const BoardEntry &e) {
  return std::string(reinterpret_cast<const char *>(e.payload.data()), e.payload.size());
}

Json bundle_json(const Bundle &b) {
  return Json{{"format", std::string(kBundleFormat)},
              {"meeting_id", b.meeting},
              {"server", b.host + ":" + std::to_string(b.port)},
              {"min_ballots", b.min_ballots},
              {"tls_cert_sha256", hex(b.tls_cert_sha256)},
              {"server_key", hex(b.server_key)},
              {"sig", hex(b.sig)}};
}

RosterEntry read_roster_entry(Reader &r) {
  RosterEntry e;
  e.member_no = r.u32("member_no", 1, static_cast<std::uint32_t>(kMaxMemberNo));
  e.key = r.hex_fixed<crypto::kSignPublicKeyBytes>("key");
  return e;
}

RecordFileHeader read_header(Reader &r) {
  RecordFileHeader h;
  auto format = r.text("format", 1, 64);
  if (r.ok() && format != kRecordFileFormat) {
    r.fail(
        field_error(Errc::unsupported_version, r.path_of("format"),
                    r.path_of("format") + ": \"" + format + "\" is not " + std::string(kRecordFileFormat)));
    return h;
  }
  h.bundle = r.nested("bundle", read_bundle);
  h.poll = r.id("poll", kMaxPollIdLength, "poll id");
  h.roster = r.objects("roster", 1, kMaxRosterRows, read_roster_entry);
  h.entries = r.integer("entries", 1, kMaxJsonInteger);
  h.ballots = r.u32("ballots", 0, static_cast<std::uint32_t>(kMaxRosterRows));
  return h;
}

BoardEntry read_entry(Reader &r) {
  BoardEntry e;
  e.seq = r.integer("seq", 1, kMaxJsonInteger);
  e.kind = r.enumeration<BoardKind>("kind");
  e.poll_id = r.has("poll") ? r.id("poll", kMaxPollIdLength, "poll id") : std::string{};
  e.created_at = r.text("created_at", 24, 24);
  if (r.ok() && !is_utc_text(e.created_at))
    r.fail(field_error(Errc::bad_field, r.path_of("created_at"),
                       r.path_of("created_at") + ": not a time of the form YYYY-MM-DDTHH:MM:SS.SSSZ"));
  if (!r.ok()) return e;
  if (payload_is_text(e.kind)) {
    auto t = r.text("payload_text", 1, kMaxRecordLineBytes);
    e.payload.assign(t.begin(), t.end());
  } else {
    e.payload = r.hex("payload", 1, kMaxRecordLineBytes / 2);
  }
  e.prev = r.hex_fixed<32>("prev");
  e.hash = r.hex_fixed<32>("hash");
  return e;
}

JsonLimits line_limits() { return JsonLimits{kMaxRecordLineBytes, kMaxJsonDepth}; }

} // namespace

bool payload_is_text(BoardKind kind) noexcept {
  return kind == BoardKind::manifest || kind == BoardKind::tally || kind == BoardKind::result ||
         kind == BoardKind::attendance || kind == BoardKind::chair_decision;
}

std::string header_line(const RecordFileHeader &h) {
  Json roster = Json::array();
  for (const auto &m : h.roster) roster.push_back(Json{{"member_no", m.member_no}, {"key", hex(m.key)}});
  return dump_json(Json{{"format", std::string(kRecordFileFormat)},
                        {"bundle", bundle_json(h.bundle)},
                        {"poll", h.poll},
                        {"roster", std::move(roster)},
                        {"entries", h.entries},
                        {"ballots", h.ballots}});
}

std::string entry_line(const BoardEntry &e) {
  Json o{{"seq", e.seq},
         {"kind", std::string(name(e.kind))},
         {"created_at", e.created_at},
         {"prev", hex(e.prev)},
         {"hash", hex(e.hash)}};
  if (!e.poll_id.empty()) o["poll"] = e.poll_id;
  if (payload_is_text(e.kind))
    o["payload_text"] = payload_text_of(e);
  else
    o["payload"] = hex(e.payload);
  return dump_json(o);
}

std::string statement_line(const RecordStatement &s) {
  return dump_json(Json{{"statement", Json{{"meeting", s.meeting},
                                           {"poll", s.poll},
                                           {"record_digest", hex(s.record_digest)},
                                           {"board_seq", s.board_seq},
                                           {"board_head", hex(s.board_head)},
                                           {"server_time", s.server_time_ms},
                                           {"sig", hex(s.sig)}}}});
}

Result<RecordFileHeader> read_header_line(std::string_view line) {
  return read_json_text(line, "header", read_header, line_limits());
}
Result<BoardEntry> read_entry_line(std::string_view line) {
  return read_json_text(line, "entry", read_entry, line_limits());
}
Result<RecordStatement> read_statement_line(std::string_view line) {
  return read_json_text(
      line, "", [](Reader &r) { return r.nested("statement", read_record_statement); }, line_limits());
}

namespace {

// Both passes of an export; every line goes to `line`.
Result<RecordFileHeader> write_record_lines(const RecordExport &x,
                                            const std::function<Result<void>(std::string_view)> &line) {
  const std::uint64_t last = x.statement.board_seq;
  // Pass 1: the poll's roster (manifest keys, attendance numbers) and its ballots.
  RecordFileHeader h;
  h.bundle = x.bundle;
  h.poll = x.poll;
  h.entries = last;
  std::optional<PollDefinition> def;
  std::optional<FrozenAttendance> att;
  for (std::uint64_t seq = 1; seq <= last;) {
    auto page = x.page(seq);
    if (!page) return page.error();
    if (page->empty()) return make_error(Errc::io, "the board ends before entry " + std::to_string(last));
    for (const auto &e : *page) { // by position: the verifier checks the numbers and the chain
      if (seq++ > last) break;
      if (e.poll_id != x.poll) continue;
      const std::string text(e.payload.begin(), e.payload.end());
      if (e.kind == BoardKind::ballot) ++h.ballots;
      if (e.kind == BoardKind::manifest && !def) {
        auto d = read_poll_definition(text);
        if (!d) return d.error();
        def = std::move(*d);
      }
      if (e.kind == BoardKind::attendance && !att) {
        auto a = read_frozen_attendance(text);
        if (!a) return a.error();
        att = std::move(*a);
      }
    }
  }
  if (!def || !att)
    return make_error(Errc::inconsistent_data,
                      "the poll has no manifest or no frozen attendance on the board");
  if (def->roster.size() != att->members.size())
    return make_error(Errc::inconsistent_data, "the poll's roster and its attendance differ in size");
  for (std::size_t i = 0; i < def->roster.size(); ++i)
    h.roster.push_back({att->members[i].member_no, def->roster[i]});
  // Pass 2: the lines.
  if (auto ok = line(header_line(h)); !ok) return ok.error();
  for (std::uint64_t seq = 1; seq <= last;) {
    auto page = x.page(seq);
    if (!page) return page.error();
    if (page->empty()) return make_error(Errc::io, "the board ends before entry " + std::to_string(last));
    for (const auto &e : *page) {
      if (seq++ > last) break;
      if (auto ok = line(entry_line(e)); !ok) return ok.error();
    }
  }
  if (auto ok = line(statement_line(x.statement)); !ok) return ok.error();
  return h;
}

} // namespace

std::function<Result<std::vector<BoardEntry>>(std::uint64_t)> pages_of(std::span<const BoardEntry> board) {
  return [board](std::uint64_t first) -> Result<std::vector<BoardEntry>> {
    std::vector<BoardEntry> page;
    for (std::size_t i = first - 1; i < board.size() && page.size() < kMaxBoardPage; ++i)
      page.push_back(board[i]);
    return page;
  };
}

Result<RecordFileSummary> export_record_file(const RecordExport &x, const std::filesystem::path &path,
                                             bool overwrite) {
  auto w = RecordFileWriter::create(path, overwrite);
  if (!w) return w.error();
  auto h = write_record_lines(x, [&](std::string_view text) { return w->line(text); });
  if (!h) return h.error();
  auto fp = w->finish();
  if (!fp) return fp.error();
  return RecordFileSummary{*fp, h->entries, h->ballots};
}

Result<std::string> export_record_bytes(const RecordExport &x) {
  std::string bytes;
  auto h = write_record_lines(x, [&](std::string_view text) -> Result<void> {
    bytes.append(text);
    bytes.push_back('\n');
    return {};
  });
  if (!h) return h.error();
  return bytes;
}

crypto::ByteArray<32> record_file_fingerprint(std::string_view bytes) {
  return crypto::Transcript(kRecordFileTag).fixed(crypto::as_bytes(bytes)).digest32();
}

// ---------------------------------------------------------------------------------------------- writer

RecordFileWriter::RecordFileWriter(std::filesystem::path path, std::filesystem::path tmp, bool overwrite)
    : path_(std::move(path)), tmp_(std::move(tmp)), overwrite_(overwrite),
      hash_(crypto::Transcript(kRecordFileTag)) {}

RecordFileWriter::~RecordFileWriter() {
  if (!done_ && !tmp_.empty()) {
    out_.close();
    std::error_code ec;
    std::filesystem::remove(tmp_, ec);
  }
}

Result<RecordFileWriter> RecordFileWriter::create(const std::filesystem::path &path, bool overwrite) {
  std::error_code ec;
  if (!overwrite && std::filesystem::exists(path, ec))
    return make_error(Errc::io, path.string() + " already exists (not overwriting)");
  auto tmp = path;
  tmp += ".tmp";
  RecordFileWriter w(path, tmp, overwrite);
  w.out_.open(tmp, std::ios::binary | std::ios::trunc);
  if (!w.out_) return make_error(Errc::io, "cannot create " + tmp.string());
  return w;
}

Result<void> RecordFileWriter::line(std::string_view text) {
  out_.write(text.data(), static_cast<std::streamsize>(text.size()));
  out_.put('\n');
  hash_->fixed(crypto::as_bytes(text)).fixed(crypto::as_bytes("\n"));
  if (!out_) return make_error(Errc::io, "cannot write " + tmp_.string());
  return {};
}

Result<crypto::ByteArray<32>> RecordFileWriter::finish() {
  out_.flush();
  if (!out_) return make_error(Errc::io, "cannot write " + tmp_.string());
  out_.close();
  if (int fd = ::open(tmp_.c_str(), O_RDONLY); fd >= 0) {
    (void)::fsync(fd);
    ::close(fd);
  }
  std::error_code ec;
  if (!overwrite_ && std::filesystem::exists(path_, ec))
    return make_error(Errc::io, path_.string() + " already exists (not overwriting)");
  std::filesystem::rename(tmp_, path_, ec);
  if (ec)
    return make_error(Errc::io,
                      "cannot rename " + tmp_.string() + " to " + path_.string() + ": " + ec.message());
  done_ = true;
  return hash_->digest32();
}

// ---------------------------------------------------------------------------------------------- reader

Result<RecordFileReader> RecordFileReader::open(const std::filesystem::path &path) {
  RecordFileReader r;
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return make_error(Errc::io, "cannot read " + path.string() + ": " + ec.message());
  auto in = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*in) return make_error(Errc::io, "cannot open " + path.string());
  r.in_ = std::move(in);
  r.size_ = size;
  r.hash_.emplace(kRecordFileTag);
  return r;
}

RecordFileReader RecordFileReader::from_bytes(std::string bytes) {
  RecordFileReader r;
  r.size_ = bytes.size();
  r.in_ = std::make_unique<std::istringstream>(std::move(bytes), std::ios::binary);
  r.hash_.emplace(kRecordFileTag);
  return r;
}

Result<std::optional<std::string>> RecordFileReader::next() {
  std::string line;
  char buf[1 << 16];
  for (;;) {
    in_->getline(buf, sizeof buf);
    const auto got = static_cast<std::size_t>(in_->gcount());
    if (in_->eof()) {
      if (got == 0 && line.empty()) return std::optional<std::string>{};
      return make_error(Errc::io, "line " + std::to_string(line_ + 1) + ": the file ends without a newline");
    }
    if (in_->fail()) { // the buffer filled before a newline: keep reading this line
      in_->clear();
      line.append(buf, got);
    } else {
      line.append(buf, got - 1); // gcount counts the newline
      if (line.find('\r') != std::string::npos)
        return make_error(Errc::io, "line " + std::to_string(line_ + 1) + ": a CR (lines end with LF alone)");
      break;
    }
    if (line.size() > kMaxRecordLineBytes)
      return make_error(Errc::io, "line " + std::to_string(line_ + 1) + " is longer than " +
                                      std::to_string(kMaxRecordLineBytes) + " bytes");
  }
  if (line.size() > kMaxRecordLineBytes)
    return make_error(Errc::io, "line " + std::to_string(line_ + 1) + " is longer than " +
                                    std::to_string(kMaxRecordLineBytes) + " bytes");
  ++line_;
  bytes_ += line.size() + 1;
  hash_->fixed(crypto::as_bytes(line)).fixed(crypto::as_bytes("\n"));
  return std::optional<std::string>(std::move(line));
}

crypto::ByteArray<32> RecordFileReader::fingerprint() { return hash_->digest32(); }

} // namespace cv::record
