// The trustees' key ceremony (docs/protocol.md §12) as the store keeps it.
#pragma once

#include "councilvote/crypto/box.hpp"
#include "councilvote/crypto/bytes.hpp"
#include "councilvote/record/enums.hpp"
#include "councilvote/schema/receipt.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cv::schema {

struct Trustee {
  std::uint32_t index = 0; // 1..n
  std::int64_t member_no = 0;
  crypto::BoxPublicKey box_public_key{};
};

using record::CeremonyState;
[[nodiscard]] std::string_view to_string(CeremonyState s) noexcept;

struct KeyCeremony {
  std::int64_t ceremony_no = 0;
  std::uint32_t threshold = 0;
  std::vector<Trustee> trustees; // in index order
  crypto::ByteArray<32> context{};
  CeremonyState state = CeremonyState::collecting;
  std::optional<crypto::ByteArray<32>> joint_key{}; // K, once complete
};

using record::CeremonyMessageKind;
[[nodiscard]] std::string_view to_string(CeremonyMessageKind k) noexcept;

struct CeremonyMessage {
  std::int64_t ceremony_no = 0;
  CeremonyMessageKind kind = CeremonyMessageKind::commitments;
  std::uint32_t from = 0;
  std::optional<std::uint32_t> to{}; // share: the recipient; complaint: the accused; commitments: none
  crypto::Bytes payload;             // the encodings of §12.3 / §12.4; a complaint's as the server defines
};

struct PostedCeremonyMessage {
  CeremonyMessage message;
  BoardReceipt entry;
};

} // namespace cv::schema
