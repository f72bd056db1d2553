// The store's errors on the wire (docs/wire.md §9): the one mapping from a schema::Error to a
// protocol::Error. Only the server uses the store, so it lives here.
#pragma once

#include "councilvote/protocol/error.hpp"
#include "councilvote/schema/error.hpp"

#include <initializer_list>
#include <string>

namespace cv::server {

// A store error that an operation expects, and what it is on the wire for that operation
// (schema::Errc::invalid_state is E_POLL_CLOSED for cast_ballot, E_WRONG_STATE for open_poll).
struct StoreErrorAs {
  schema::Errc store;
  protocol::ErrorCode wire;
  std::string message{}; // the wire message; empty: the store's message
};

// `e` on the wire: as the first entry of `expected` with e's code says; any other store error is
// a server fault, E_INTERNAL with the message "storage (<errc_name>): <message>".
[[nodiscard]] protocol::Error store_error(const schema::Error &e,
                                          std::initializer_list<StoreErrorAs> expected = {});

} // namespace cv::server
