// The record file (docs/record.md §5): everything an auditor needs to check one poll without the
// server, in JSON Lines — a header line, then every board entry from seq 1 to the poll's `result`
// entry, one per line, then the signed record statement. A reader holds one line at a time.
//
//   fingerprint = H32("CV/record-file", fixed(every byte of the file))
//
// identifies the file on every screen, in every message and on the minutes.
#pragma once

#include "councilvote/crypto/hash.hpp"
#include "councilvote/record/board.hpp"
#include "councilvote/record/council.hpp"
#include "councilvote/record/error.hpp"
#include "councilvote/record/payloads.hpp"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cv::record {

inline constexpr std::string_view kRecordFileFormat = "councilvote-record-file/1";
inline constexpr std::string_view kRecordFileTag = "CV/record-file";
// The longest line a reader accepts: a ballot of 4096 contests of 63 options, in hex, fits.
inline constexpr std::size_t kMaxRecordLineBytes = std::size_t{96} << 20;

// A member of the poll's roster: its number (the attendance entry's) and its key (the manifest's).
struct RosterEntry {
  std::uint32_t member_no = 0;
  crypto::SignPublicKey key{};
};

struct RecordFileHeader {
  Bundle bundle;
  std::string poll;
  std::vector<RosterEntry> roster; // the poll's roster, in roster order (ascending member_no)
  std::uint64_t entries = 0;       // board entries that follow: seq 1..entries
  std::uint32_t ballots = 0;       // the poll's ballot entries among them (for progress)
};

// Which kinds carry a UTF-8 JSON text (written as "payload_text"); the others carry bytes ("payload", hex).
[[nodiscard]] bool payload_is_text(BoardKind kind) noexcept;

[[nodiscard]] std::string header_line(const RecordFileHeader &h);
[[nodiscard]] std::string entry_line(const BoardEntry &e);
[[nodiscard]] std::string statement_line(const RecordStatement &s);
[[nodiscard]] Result<RecordFileHeader> read_header_line(std::string_view line);
[[nodiscard]] Result<BoardEntry> read_entry_line(std::string_view line);
[[nodiscard]] Result<RecordStatement> read_statement_line(std::string_view line);

// Writes a record file line by line into `path`.tmp, and renames it to `path` on finish() (never a
// half-written file under the final name).
class RecordFileWriter {
public:
  [[nodiscard]] static Result<RecordFileWriter> create(const std::filesystem::path &path, bool overwrite);
  RecordFileWriter(RecordFileWriter &&) noexcept = default;
  ~RecordFileWriter();
  [[nodiscard]] Result<void> line(std::string_view text); // one line, without its "\n"
  // Flushes, syncs, renames; returns the fingerprint.
  [[nodiscard]] Result<crypto::ByteArray<32>> finish();

private:
  RecordFileWriter(std::filesystem::path path, std::filesystem::path tmp, bool overwrite);
  std::filesystem::path path_, tmp_;
  bool overwrite_ = false, done_ = false;
  std::ofstream out_;
  std::optional<crypto::Transcript> hash_;
};

// Reads a record file one line at a time and hashes it as it goes.
class RecordFileReader {
public:
  [[nodiscard]] static Result<RecordFileReader> open(const std::filesystem::path &path);
  // The same over bytes in memory (a file just downloaded).
  [[nodiscard]] static RecordFileReader from_bytes(std::string bytes);
  RecordFileReader(RecordFileReader &&) noexcept = default;
  // The next line without its "\n"; nullopt at the end of the file. io error for a line longer than
  // kMaxRecordLineBytes or a last line without "\n".
  [[nodiscard]] Result<std::optional<std::string>> next();
  [[nodiscard]] std::uint64_t line_number() const noexcept { return line_; }
  [[nodiscard]] std::uint64_t bytes_read() const noexcept { return bytes_; }
  [[nodiscard]] std::uint64_t size() const noexcept { return size_; }
  // After next() returned nullopt: the fingerprint of the whole file.
  [[nodiscard]] crypto::ByteArray<32> fingerprint();

private:
  RecordFileReader() = default;
  std::unique_ptr<std::istream> in_;
  std::optional<crypto::Transcript> hash_;
  std::uint64_t line_ = 0, bytes_ = 0, size_ = 0;
};

// What an exporter gives; the board comes in pages from seq 1. The file is a function of these
// alone (the header is derived from the board), so every export of a poll — the server's, any
// client's — is the same bytes with the same fingerprint.
struct RecordExport {
  Bundle bundle;
  std::string poll;
  RecordStatement statement; // names the poll's result entry: the file ends there
  // The entries from position first_seq on (entry first_seq of an honest board), at least one
  // while first_seq <= the statement's board_seq, in board order.
  std::function<Result<std::vector<BoardEntry>>(std::uint64_t first_seq)> page;
};

// RecordExport::page over a board already in memory (entries by position; the span must outlive it).
[[nodiscard]] std::function<Result<std::vector<BoardEntry>>(std::uint64_t)>
pages_of(std::span<const BoardEntry> board);

struct RecordFileSummary {
  crypto::ByteArray<32> fingerprint{};
  std::uint64_t entries = 0;
  std::uint32_t ballots = 0;
};

// Writes the record file of docs/record.md §5 (two passes over the board: the roster and the
// counts for the header, then the entries).
[[nodiscard]] Result<RecordFileSummary> export_record_file(const RecordExport &x,
                                                           const std::filesystem::path &path, bool overwrite);

// The same file's bytes in memory.
[[nodiscard]] Result<std::string> export_record_bytes(const RecordExport &x);

// The fingerprint of bytes already in memory.
[[nodiscard]] crypto::ByteArray<32> record_file_fingerprint(std::string_view bytes);

} // namespace cv::record
