// The one crypto → wire mapping (protocol/crypto_error.hpp): every crypto::Errc has its wire code,
// and the wire's `check` is the crypto error's check field, never a piece of its message.
#include "councilvote/protocol/crypto_error.hpp"
#include "councilvote/protocol/envelope.hpp"

#include <array>
#include <catch2/catch.hpp>
#include <string>

using cv::crypto::Errc;
using cv::protocol::ErrorCode;

namespace {

struct Expected {
  Errc crypto;
  ErrorCode wire;
};

// docs/wire.md §9: E_INTERNAL is a fault of the machine (retry may help, or a bug);
// E_INVALID_ARGUMENT is values that do not fit, decode, decrypt or verify (retry cannot help).
constexpr std::array<Expected, cv::crypto::kErrcCount> kExpected{{
    {Errc::invalid_encoding, ErrorCode::invalid_argument},
    {Errc::identity_point, ErrorCode::invalid_argument},
    {Errc::verification_failed, ErrorCode::invalid_argument},
    {Errc::not_eligible, ErrorCode::invalid_argument},
    {Errc::wrong_context, ErrorCode::invalid_argument},
    {Errc::invalid_argument, ErrorCode::invalid_argument},
    {Errc::decryption_failed, ErrorCode::invalid_argument},
    {Errc::insufficient_shares, ErrorCode::invalid_argument},
    {Errc::self_test_failed, ErrorCode::internal},
    {Errc::system_error, ErrorCode::internal},
}};

std::string wire_check(const cv::protocol::Error &e) {
  return cv::protocol::error_to_json(e).value("check").toString().toStdString();
}

} // namespace

TEST_CASE("crypto errors on the wire: every crypto::Errc has its code", "[error]") {
  // kErrcCount covers the whole enumeration: the value after the last one has no name.
  CHECK(std::string(cv::crypto::errc_name(static_cast<Errc>(cv::crypto::kErrcCount))) == "unknown");
  for (int i = 0; i < cv::crypto::kErrcCount; ++i) {
    const auto c = static_cast<Errc>(i);
    INFO(cv::crypto::errc_name(c));
    CHECK(std::string(cv::crypto::errc_name(c)) != "unknown");
    REQUIRE(kExpected[static_cast<std::size_t>(i)].crypto == c);
    CHECK(cv::protocol::wire_code(c) == kExpected[static_cast<std::size_t>(i)].wire);
    const auto e = cv::protocol::from_crypto(cv::crypto::make_error(c, "detail"), "while testing: ");
    CHECK(e.code == kExpected[static_cast<std::size_t>(i)].wire);
    CHECK(e.message == "while testing: detail");
    CHECK(e.check.empty());
    CHECK(e.field.empty());
  }
}

TEST_CASE("crypto errors on the wire: a client's own key file and ballot errors, as docs/wire.md says",
          "[error]") {
  // The two client mappings disagreed on these: a key file that does not decode or a value that
  // does not verify is the caller's input (E_INVALID_ARGUMENT, not retried), not a fault.
  CHECK(
      cv::protocol::from_crypto(cv::crypto::make_error(Errc::invalid_encoding, "key file: bad magic")).code ==
      ErrorCode::invalid_argument);
  CHECK(cv::protocol::from_crypto(cv::crypto::make_error(Errc::verification_failed, "x")).code ==
        ErrorCode::invalid_argument);
  CHECK(cv::protocol::from_crypto(cv::crypto::make_error(Errc::decryption_failed, "wrong passphrase")).code ==
        ErrorCode::invalid_argument);
  CHECK(cv::protocol::from_crypto(cv::crypto::make_error(Errc::system_error, "out of memory")).code ==
        ErrorCode::internal);
}

TEST_CASE("crypto errors on the wire: the check is the crypto error's field, not its message", "[error]") {
  const auto failed = cv::crypto::check_failed(Errc::verification_failed, "contest[3].sum_proof",
                                               "the proof does not verify");
  CHECK(failed.check == "contest[3].sum_proof");
  CHECK(failed.message == "contest[3].sum_proof: the proof does not verify");
  const auto wire = cv::protocol::from_crypto(ErrorCode::invalid_ballot, failed);
  CHECK(wire.code == ErrorCode::invalid_ballot);
  CHECK(wire.check == "contest[3].sum_proof");
  CHECK(wire.message == failed.message);
  CHECK(wire_check(wire) == "contest[3].sum_proof");

  SECTION("a reworded message, with or without a colon, sends the same check") {
    for (const char *reworded : {"sum proof of contest 3: does not verify", "the sum proof fails",
                                 "signature: looks like another check", ""}) {
      auto e = failed;
      e.message = reworded;
      const auto w = cv::protocol::from_crypto(ErrorCode::invalid_ballot, e);
      CHECK(w.check == "contest[3].sum_proof");
      CHECK(wire_check(w) == "contest[3].sum_proof");
      CHECK(w.message == reworded);
    }
  }
  SECTION("no check field, no check on the wire, whatever the message looks like") {
    const auto e = cv::crypto::make_error(Errc::verification_failed, "contest[3].sum_proof: reworded");
    const auto w = cv::protocol::from_crypto(ErrorCode::invalid_ballot, e);
    CHECK(w.check.empty());
    CHECK_FALSE(cv::protocol::error_to_json(w).contains("check"));
  }
}
