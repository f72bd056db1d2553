#include "councilvote/client/roles/trustee.hpp"
#include "roles_common.hpp"

namespace cv::client::roles {

using protocol::Result;

Result<protocol::PostPartialDecryptionRequest>
make_partial_decryption(const protocol::MeetingId &meeting, const protocol::PollInfo &poll,
                        std::span<const protocol::BoardEntry> board,
                        const protocol::TallyStatus &server_tally, const TrusteeShareFile &share,
                        std::uint32_t min_ballots, crypto::Rng &rng) {
  try {
    const auto &def = poll.definition;
    const auto poll_id = protocol::poll_of(def);
    // 1. The poll.
    auto ctx = protocol::verified_context(def, meeting);
    if (!ctx) return ctx.error();
    if (!poll_entries(board, poll_id, protocol::BoardEntryKind::manifest).empty()) {
      std::uint64_t seq = 0;
      auto published = board_poll_definition(board, poll_id, &seq);
      if (!published) return published.error();
      if (!(*published == def) || seq != poll.manifest_seq)
        return detail::inconsistent("manifest", "the poll the server describes is not the one on the board");
    }
    // 2. The key share is this ceremony's.
    if (share.meeting != meeting)
      return detail::invalid_argument("the key share is for meeting " + share.meeting.str());
    auto ceremony = crypto::Ceremony::create({meeting.str(), def.ceremony.threshold, def.ceremony.trustees});
    if (!ceremony) return detail::inconsistent("ceremony", ceremony.error().message);
    if (ceremony->context() != share.ceremony_context)
      return detail::invalid_argument("the key share belongs to another key ceremony than poll " + def.poll +
                                      "'s");
    auto key = ceremony_public_key(meeting, def.ceremony);
    if (!key) return key.error();
    if (!ceremony->has_trustee(share.share.index) ||
        !(key->verification_shares[share.share.index - 1] == share.share.public_share) ||
        !(key->joint_key == share.share.joint_key))
      return detail::inconsistent("verification_share",
                                  "the published commitments do not give this trustee's public share");
    // 3. The tally is the sum of the board's ballots.
    auto ballots = collect_poll_ballots(*ctx, crypto::Roster{def.roster}, poll_id, board);
    if (!ballots) return ballots.error();
    auto mine = recompute_tally(*ctx, *ballots);
    if (!mine) return mine.error();
    if (auto same = compare_tally(*mine, poll_id, server_tally.tally); !same) return same.error();
    if (!poll_entries(board, poll_id, protocol::BoardEntryKind::tally).empty()) {
      std::uint64_t seq = 0;
      auto published = board_tally(board, poll_id, &seq);
      if (!published) return published.error();
      if (!(*published == server_tally.tally) || seq != server_tally.tally_seq)
        return detail::inconsistent("tally", "the tally the server describes is not the one on the board");
      for (auto s : ballots->seqs)
        if (s > seq)
          return detail::inconsistent("tally",
                                      "board entry " + std::to_string(s) + " is a ballot after the tally");
    }
    // 4. Never a tally of too few ballots (docs/threat-model.md §3): counted from the board.
    if (auto enough = crypto::check_enough_ballots(mine->ballots, min_ballots); !enough)
      return protocol::check_error(protocol::ErrorCode::wrong_state, "min_ballots",
                                   "this trustee refuses to decrypt poll " + def.poll + ": " +
                                       enough.error().message);
    // 5. Decrypt, and check the result as the server and every auditor will.
    const auto tally_context = mine->context();
    auto partial = crypto::partial_decrypt(share.share, tally_context, mine->totals, rng);
    const std::vector<crypto::PartialDecryption> none;
    if (auto ok = crypto::verify_partial_decryption(
            crypto::CombineParams{*key, tally_context, mine->totals, none}, partial);
        !ok)
      return detail::internal("the partial decryption just made does not verify: " + ok.error().message);
    return protocol::PostPartialDecryptionRequest::of(poll_id, tally_context, partial);
  } catch (...) {
    return detail::internal("out of memory while decrypting");
  }
}

std::string small_tally_warning(std::uint32_t ballots, std::uint32_t members) {
  const auto b = std::to_string(ballots), m = std::to_string(members);
  return "Tổng của " + b + " phiếu (trên " + m +
         " thành viên) chỉ giữ bí mật trong số đông: nếu mọi phiếu cùng chọn một ý cho một người, kết quả "
         "cho thấy từng thành viên đã bỏ phiếu thế nào. / A total of " +
         b + " ballots (of " + m +
         " members) keeps votes secret only in the crowd: where every ballot made the same choice for a "
         "nominee, the result shows how each member voted.";
}

} // namespace cv::client::roles
