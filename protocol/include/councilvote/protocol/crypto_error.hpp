// The lower layers' errors on the wire (docs/wire.md §5.2, §9): the one mapping from a
// crypto::Error or a record::Error to a protocol::Error, for the server and the clients alike.
#pragma once

#include "councilvote/crypto/error.hpp"
#include "councilvote/protocol/error.hpp"
#include "councilvote/record/error.hpp"

#include <string_view>

namespace cv::protocol {

// The wire code of a crypto error of one's own making (the caller's values, a key file, this
// machine), by docs/wire.md §9: E_INTERNAL for a fault of the machine that ran the code
// (system_error: out of memory, I/O, libsodium; self_test_failed: a broken build);
// E_INVALID_ARGUMENT for every error about the values given — they do not fit together, do not
// decode, do not decrypt or do not verify — which sending them again cannot cure.
[[nodiscard]] ErrorCode wire_code(crypto::Errc c) noexcept;

// A crypto error on the wire: the code wire_code(e.code), the message `prefix` + e.message, and
// the check e.check (the name of the failed verification check; empty when there is none).
[[nodiscard]] Error from_crypto(const crypto::Error &e, std::string_view prefix = {});
// The same with the code an operation gives the failure (E_INVALID_BALLOT for verify_ballot,
// docs/wire.md §8.4). The wire's `check` is e.check whatever e.message says: rewording a crypto
// message never changes the check a peer sees.
[[nodiscard]] Error from_crypto(ErrorCode code, const crypto::Error &e, std::string_view prefix = {});

// A record error on the wire, code by code (malformed_json → E_MALFORMED_JSON, too_large →
// E_FRAME_TOO_LARGE, unsupported_version, missing_field, bad_field, unknown_field, invalid_argument →
// the E_ of the same name, inconsistent_data → E_INCONSISTENT_DATA with the check, io → E_INTERNAL),
// with the same message, field and check.
[[nodiscard]] Error from_record(const record::Error &e);

} // namespace cv::protocol
