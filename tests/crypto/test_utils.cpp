// The shared utilities of the crypto layer: hex (lowercase only), UTF-8 validation, atomic writes.
#include "councilvote/crypto/bytes.hpp"
#include "councilvote/crypto/file_io.hpp"
#include "councilvote/crypto/utf8.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

using namespace cv::crypto;

namespace {

std::string file_text(const std::filesystem::path &p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::string t = (std::filesystem::temp_directory_path() / "cv-utils-XXXXXX").string();
    REQUIRE(::mkdtemp(t.data()) != nullptr);
    path = t;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  TempDir(const TempDir &) = delete;
  TempDir &operator=(const TempDir &) = delete;
};

bool only_file(const std::filesystem::path &dir, const std::string &name) {
  std::size_t n = 0;
  for (const auto &e : std::filesystem::directory_iterator(dir)) {
    ++n;
    if (e.path().filename() != name) return false;
  }
  return n == 1;
}

} // namespace

TEST_CASE("hex: lowercase is read and written, upper case is refused (docs/wire.md 3.2)", "[hex]") {
  CHECK(to_hex(Bytes{0x00, 0xab, 0xff}) == "00abff");
  auto b = from_hex("00abff");
  REQUIRE(b);
  CHECK(*b == Bytes{0x00, 0xab, 0xff});
  CHECK(from_hex("")->empty());

  auto upper = from_hex("00ABFF");
  REQUIRE_FALSE(upper);
  CHECK(upper.error().code == Errc::invalid_encoding);
  CHECK(upper.error().message == "not lowercase hex at character 2");
  CHECK_FALSE(from_hex("aB"));
  CHECK_FALSE(from_hex_fixed<2>("DEAD"));
  CHECK(from_hex_fixed<2>("dead"));
  CHECK(from_hex("abc").error().message == "hex of odd length");
  CHECK_FALSE(from_hex("0g"));
  CHECK_FALSE(from_hex("0x00"));
  CHECK_FALSE(from_hex(" 0"));
}

TEST_CASE("utf8: well-formed sequences and every kind of ill-formed one", "[utf8]") {
  CHECK(is_valid_utf8(""));
  CHECK(is_valid_utf8("Đồng ý"));
  CHECK(is_valid_utf8("\xF0\x9F\x97\xB3")); // U+1F5F3, four bytes
  CHECK(is_valid_utf8("\xF4\x8F\xBF\xBF")); // U+10FFFF
  CHECK(is_valid_utf8("\xEF\xBB\xBF"
                      "a"));                       // a byte-order mark is a character
  const auto seq = decode_utf8("\xE1\xBB\x93", 0); // ồ
  CHECK(seq.problem == Utf8Problem::none);
  CHECK(seq.length == 3);
  CHECK(seq.code_point == 0x1ED3);

  const std::pair<std::string, Utf8Problem> bad[] = {
      {"\x80", Utf8Problem::invalid_lead},
      {"\xC1\xBF", Utf8Problem::invalid_lead},         // would be overlong
      {"\xF5\x80\x80\x80", Utf8Problem::invalid_lead}, // above U+10FFFF
      {"\xE1\x80", Utf8Problem::truncated},
      {"\xC3\x28", Utf8Problem::invalid_continuation},
      {"\xE0\x80\xAF", Utf8Problem::overlong},
      {"\xF0\x8F\xBF\xBF", Utf8Problem::overlong},
      {"\xED\xA0\x80", Utf8Problem::surrogate},
      {"\xF4\x90\x80\x80", Utf8Problem::above_max},
  };
  for (const auto &[text, problem] : bad) {
    INFO(to_hex(as_bytes(text)));
    CHECK(decode_utf8(text, 0).problem == problem);
    CHECK(decode_utf8(text, 0).length == 0);
    CHECK_FALSE(is_valid_utf8(text));
    CHECK_FALSE(is_valid_utf8("ok " + text));
  }

  CHECK(is_utf8_text("Hội đồng 2025"));
  CHECK_FALSE(is_utf8_text("a\tb")); // C0 controls
  CHECK_FALSE(is_utf8_text(std::string("a\0b", 3)));
  CHECK_FALSE(is_utf8_text("a\x7F"));
  CHECK_FALSE(is_utf8_text("\xC3"));
}

TEST_CASE("file_io: write_file_atomic installs the bytes with the exact mode", "[file_io]") {
  TempDir dir;
  const auto path = dir.path / "a.txt";
  const mode_t old_umask = ::umask(077); // the mode must not depend on the umask
  auto ok = write_file_atomic(path, as_bytes("first"), false,
                              kOwnerOnly | std::filesystem::perms::group_read |
                                  std::filesystem::perms::others_read);
  ::umask(old_umask);
  REQUIRE(ok);
  CHECK(file_text(path) == "first");
  using P = std::filesystem::perms;
  CHECK(std::filesystem::status(path).permissions() ==
        (P::owner_read | P::owner_write | P::group_read | P::others_read));

  SECTION("without overwrite an existing file is kept, and no temporary file is left") {
    auto again = write_file_atomic(path, as_bytes("second"), false);
    REQUIRE_FALSE(again);
    CHECK(again.error().code == Errc::system_error);
    CHECK(again.error().message == path.string() + " already exists; not overwriting");
    CHECK(file_text(path) == "first");
    CHECK(only_file(dir.path, "a.txt"));
  }
  SECTION("with overwrite the file is replaced, with the default mode 0600") {
    REQUIRE(write_file_atomic(path, as_bytes("second"), true));
    CHECK(file_text(path) == "second");
    CHECK(std::filesystem::status(path).permissions() == (P::owner_read | P::owner_write));
    CHECK(only_file(dir.path, "a.txt"));
  }
  SECTION("a missing directory is an error naming the step") {
    auto missing = write_file_atomic(dir.path / "no" / "b.txt", as_bytes("x"), true);
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == Errc::system_error);
    CHECK(missing.error().message.starts_with("cannot create a temporary file in "));
  }
}
