// The one store → wire mapping (server/store_error.hpp), over every schema::Errc.
#include "councilvote/server/store_error.hpp"

#include <catch2/catch.hpp>
#include <string>

using cv::protocol::ErrorCode;
using cv::schema::Errc;
using cv::server::store_error;

TEST_CASE("store errors on the wire: every schema::Errc", "[error]") {
  // kErrcCount covers the whole enumeration: the value after the last one has no name.
  CHECK(std::string(cv::schema::errc_name(static_cast<Errc>(cv::schema::kErrcCount))) == "unknown");
  for (int i = 0; i < cv::schema::kErrcCount; ++i) {
    const auto c = static_cast<Errc>(i);
    const std::string name = cv::schema::errc_name(c);
    INFO(name);
    CHECK(name != "unknown");
    const cv::schema::Error e{c, "replace_members: what failed", std::nullopt};

    // Not expected by the operation: a server fault, named.
    const auto internal = store_error(e);
    CHECK(internal.code == ErrorCode::internal);
    CHECK(internal.message == "storage (" + name + "): replace_members: what failed");
    CHECK(internal.check.empty());
    CHECK(internal.field.empty());

    // Expected: the operation's code, with the store's message or the operation's own.
    const auto as_is = store_error(e, {{c, ErrorCode::invalid_argument}});
    CHECK(as_is.code == ErrorCode::invalid_argument);
    CHECK(as_is.message == "replace_members: what failed");
    const auto reworded = store_error(e, {{c, ErrorCode::wrong_state, "the operation's own words"}});
    CHECK(reworded.code == ErrorCode::wrong_state);
    CHECK(reworded.message == "the operation's own words");

    // Only the entry for e's code applies, and the first one wins.
    const auto other = static_cast<Errc>((i + 1) % cv::schema::kErrcCount);
    CHECK(store_error(e, {{other, ErrorCode::wrong_poll}}).code == ErrorCode::internal);
    CHECK(store_error(
              e, {{other, ErrorCode::wrong_poll}, {c, ErrorCode::poll_closed}, {c, ErrorCode::not_found}})
              .code == ErrorCode::poll_closed);
  }
}
