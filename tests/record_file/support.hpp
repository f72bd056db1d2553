// Shared by the record file tests: a scratch directory, verifying a synthetic record from disk, and
// what every report of a tampered file must look like.
#pragma once

#include "councilvote/record/verify.hpp"
#include "record_synth.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <unistd.h>

namespace cv::test {

// A directory of its own under the system's temporary directory, removed at the end.
class ScratchDir {
public:
  ScratchDir() {
    static int counter = 0;
    path_ = std::filesystem::temp_directory_path() /
            ("cv-record-file-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir &) = delete;
  ScratchDir &operator=(const ScratchDir &) = delete;
  [[nodiscard]] std::filesystem::path operator/(std::string_view name) const { return path_ / name; }

private:
  std::filesystem::path path_;
};

inline std::string read_bytes(const std::filesystem::path &path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Writes the record to a file and verifies it from there, as an auditor would.
inline record::VerifyReport verify(const tools::SynthRecord &r, const record::VerifyOptions &o = {}) {
  ScratchDir dir;
  const auto path = dir / "record.jsonl";
  (void)tools::write_record_file(r, path);
  return record::verify_record_file(path, o);
}

inline std::string report_text(const record::VerifyReport &rep) {
  return rep.to_text() + (rep.read_whole_file ? "" : "(the file was not read to its end)\n");
}

// A report that refuses the file with check `name` first, and is otherwise sane: every check
// before it passed, each check is reported once, a skipped check says what it needed, and the
// checks that do not depend on what was changed still ran.
inline const record::VerifyCheck &require_refused_by(const record::VerifyReport &rep, std::string_view name) {
  INFO(report_text(rep));
  REQUIRE_FALSE(rep.ok());
  const auto *first = rep.first_failure();
  REQUIRE(first != nullptr);
  REQUIRE(first->name == name);
  CHECK_FALSE(first->detail.empty());
  bool before = true;
  std::vector<std::string> seen;
  for (const auto &c : rep.checks) {
    if (&c == first) before = false;
    if (before) CHECK(c.ok);
    CHECK(std::find(seen.begin(), seen.end(), c.name) == seen.end());
    seen.push_back(c.name);
    const auto &names = record::verify_check_names();
    CHECK(std::find(names.begin(), names.end(), c.name) != names.end());
    if (c.skipped) {
      CHECK_FALSE(c.ok);
      CHECK(c.detail.rfind("not run: needs ", 0) == 0);
    }
  }
  CHECK(rep.find("file.header") != nullptr);
  CHECK(rep.find("file.header")->ok);
  return *first;
}

inline bool passed(const record::VerifyReport &rep, std::string_view name) {
  const auto *c = rep.find(name);
  return c && c->ok;
}
inline bool failed(const record::VerifyReport &rep, std::string_view name) {
  const auto *c = rep.find(name);
  return c && !c->ok && !c->skipped;
}
inline bool skipped(const record::VerifyReport &rep, std::string_view name) {
  const auto *c = rep.find(name);
  return c && c->skipped;
}

} // namespace cv::test
