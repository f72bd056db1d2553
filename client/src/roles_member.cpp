#include "councilvote/client/roles/member.hpp"
#include "roles_common.hpp"

#include <algorithm>
#include <charconv>

namespace cv::client::roles {

using protocol::Result;

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// ASCII lower case, "Đ" -> "đ", blanks and '_' -> '-'.
std::string normalize(std::string_view word) {
  std::string out;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    if (c == '\xC4' && i + 1 < word.size() && word[i + 1] == '\x90') {
      out += "\xC4\x91";
      ++i;
    } else if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (c == ' ' || c == '_' || c == '\t') {
      if (out.empty() || out.back() != '-') out += '-';
    } else {
      out += c;
    }
  }
  return out;
}

// Splits on ',' and '\n'.
std::vector<std::string_view> split_list(std::string_view list) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= list.size(); ++i)
    if (i == list.size() || list[i] == ',' || list[i] == '\n') {
      out.push_back(trim(list.substr(start, i - start)));
      start = i + 1;
    }
  // A trailing separator (a final newline) does not make an extra entry.
  if (out.size() > 1 && out.back().empty()) out.pop_back();
  return out;
}

std::string contest_name(const crypto::PollManifest &m, std::size_t i) {
  return "contest " + std::to_string(i + 1) + " (\"" + m.contests[i].id + "\")";
}

} // namespace

std::string_view choice_name(Choice c) noexcept {
  switch (c) {
  case Choice::agree:
    return "agree";
  case Choice::disagree:
    return "disagree";
  case Choice::blank:
    break;
  }
  return "blank";
}

namespace {

// The words a member may type for each choice (after normalize()), the table's words first: the
// result table prints "Đồng ý", "K.đồng ý", "Trống".
struct ChoiceWords {
  Choice choice;
  std::initializer_list<std::string_view> words;
};
const ChoiceWords kChoiceWords[] = {
    {Choice::agree, {"agree", "a", "yes", "y", "đồng-ý", "dong-y", "dongy"}},
    {Choice::disagree,
     {"disagree", "d", "no", "n", "không-đồng-ý", "khong-dong-y", "khongdongy", "k.đồng-ý", "k.dong-y"}},
    {Choice::blank,
     {"blank", "b", "-", "trống", "trong", "để-trống", "de-trong", "trắng", "trang", "phiếu-trắng",
      "phieu-trang"}},
};

} // namespace

std::string choice_words_help() {
  std::string out;
  for (const auto &c : kChoiceWords) {
    out += (out.empty() ? "" : "; ") + std::string(choice_name(c.choice)) + ":";
    for (auto w : c.words) out += " " + std::string(w);
  }
  return out + " (upper or lower case; a space may stand for '-')";
}

Result<Choice> parse_choice(std::string_view word) {
  try {
    const auto w = normalize(trim(word));
    for (const auto &c : kChoiceWords)
      for (auto x : c.words)
        if (w == x) return c.choice;
    if (w.empty()) return detail::invalid_argument("an empty choice (write agree, disagree or blank)");
    return detail::invalid_argument("\"" + std::string(trim(word)) + "\" is not a choice; the choices are " +
                                    choice_words_help());
  } catch (...) {
    return detail::internal("out of memory");
  }
}

Result<std::vector<Choice>> parse_choices(std::string_view list) {
  try {
    std::vector<Choice> out;
    const auto items = split_list(list);
    for (std::size_t i = 0; i < items.size(); ++i) {
      auto c = parse_choice(items[i]);
      if (!c) return detail::invalid_argument("choice " + std::to_string(i + 1) + ": " + c.error().message);
      out.push_back(*c);
    }
    return out;
  } catch (...) {
    return detail::internal("out of memory");
  }
}

Result<std::vector<MemberChoice>> parse_member_choices(const crypto::PollManifest &manifest,
                                                       std::string_view list) {
  try {
    const auto items = split_list(list);
    if (items.size() != manifest.contests.size())
      return detail::invalid_argument(std::to_string(items.size()) + " choices for " +
                                      std::to_string(manifest.contests.size()) + " contests");
    std::vector<MemberChoice> out;
    for (std::size_t i = 0; i < items.size(); ++i) {
      const auto &spec = manifest.contests[i];
      if (spec.kind == crypto::ContestKind::commendation) {
        auto c = parse_choice(items[i]);
        if (!c) return detail::invalid_argument(contest_name(manifest, i) + ": " + c.error().message);
        out.push_back(MemberChoice::of(*c));
        continue;
      }
      MemberChoice mc;
      if (auto c = parse_choice(items[i]); c && *c == Choice::blank) {
        out.push_back(mc);
        continue;
      }
      std::string_view rest = items[i];
      while (true) {
        const auto plus = rest.find('+');
        const auto num = trim(rest.substr(0, plus));
        std::uint32_t v = 0;
        const auto [p, ec] = std::from_chars(num.data(), num.data() + num.size(), v);
        if (num.empty() || ec != std::errc{} || p != num.data() + num.size() || v == 0 || v > spec.options)
          return detail::invalid_argument(contest_name(manifest, i) + ": \"" + std::string(items[i]) +
                                          "\" is not option numbers 1.." + std::to_string(spec.options) +
                                          " joined by '+', or blank");
        mc.options.push_back(v - 1);
        if (plus == std::string_view::npos) break;
        rest = rest.substr(plus + 1);
      }
      out.push_back(std::move(mc));
    }
    return out;
  } catch (...) {
    return detail::internal("out of memory");
  }
}

std::vector<MemberChoice> uniform_choices(const crypto::PollManifest &manifest, Choice c) {
  std::vector<MemberChoice> out;
  for (const auto &spec : manifest.contests)
    out.push_back(spec.kind == crypto::ContestKind::commendation ? MemberChoice::of(c) : MemberChoice{});
  return out;
}

Result<std::vector<crypto::ContestSelection>> selections_for(const crypto::PollManifest &manifest,
                                                             std::span<const MemberChoice> choices) {
  try {
    if (choices.size() != manifest.contests.size())
      return detail::invalid_argument(std::to_string(choices.size()) + " choices for " +
                                      std::to_string(manifest.contests.size()) + " contests");
    std::vector<crypto::ContestSelection> out;
    for (std::size_t i = 0; i < choices.size(); ++i) {
      const auto &spec = manifest.contests[i];
      const auto &c = choices[i];
      if (spec.kind == crypto::ContestKind::commendation) {
        if (!c.options.empty())
          return detail::invalid_argument(
              contest_name(manifest, i) +
              ": a commendation contest takes agree, disagree or blank, not options");
        out.push_back(c.choice == Choice::agree      ? crypto::ContestSelection::agree()
                      : c.choice == Choice::disagree ? crypto::ContestSelection::disagree()
                                                     : crypto::ContestSelection::blank());
        continue;
      }
      auto sel = c.options;
      std::sort(sel.begin(), sel.end());
      if (std::adjacent_find(sel.begin(), sel.end()) != sel.end())
        return detail::invalid_argument(contest_name(manifest, i) + ": an option is selected twice");
      if (!sel.empty() && sel.back() >= spec.options)
        return detail::invalid_argument(contest_name(manifest, i) + ": option " +
                                        std::to_string(sel.back() + 1) + " does not exist (" +
                                        std::to_string(spec.options) + " options)");
      if (sel.size() < spec.min_selections || sel.size() > spec.max_selections)
        return detail::invalid_argument(contest_name(manifest, i) + ": " + std::to_string(sel.size()) +
                                        " options selected, allowed " + std::to_string(spec.min_selections) +
                                        ".." + std::to_string(spec.max_selections));
      out.push_back(crypto::ContestSelection{std::move(sel)});
    }
    return out;
  } catch (...) {
    return detail::internal("out of memory");
  }
}

std::string PreparedBallot::short_tracking_code() const { return crypto::short_tracking_code(tracking_code); }

SavedBallot PreparedBallot::saved() const {
  return SavedBallot{meeting, poll, ballot, tracking_code, std::nullopt};
}

PreparedBallot PreparedBallot::from_saved(const SavedBallot &s) {
  PreparedBallot p;
  p.meeting = s.meeting;
  p.poll = s.poll;
  p.ballot = s.ballot;
  p.tracking_code = s.tracking_code;
  if (s.ballot.size() >= 4 + 32) std::copy_n(s.ballot.begin() + 4, 32, p.context_hash.begin());
  return p;
}

Result<PreparedBallot> build_ballot(const protocol::MeetingId &meeting, const protocol::PollInfo &poll,
                                    const crypto::SigningKey &member, std::span<const MemberChoice> choices,
                                    crypto::Rng &rng) {
  try {
    auto ctx = protocol::verified_context(poll.definition, meeting);
    if (!ctx) return ctx.error();
    const crypto::Roster roster{poll.definition.roster};
    if (!roster.contains(member.public_key))
      return detail::invalid_argument("this member key is not on the roster of poll " + poll.definition.poll +
                                      " (wrong key file, or the key was registered after the poll opened)");
    auto selections = selections_for(ctx->manifest, choices);
    if (!selections) return selections.error();
    auto ballot = crypto::encrypt_ballot({*ctx, member, *selections, rng});
    if (!ballot) return protocol::from_crypto(ballot.error(), "encrypting the ballot: ");
    PreparedBallot out;
    out.meeting = meeting;
    out.poll = protocol::poll_of(poll.definition);
    out.ballot = ballot->encode();
    out.context_hash = ctx->hash();
    // Check it exactly as the server will before it leaves the machine.
    auto decoded = crypto::decode_ballot(out.ballot);
    if (!decoded)
      return detail::internal("the ballot just built does not decode: " + decoded.error().message);
    if (auto v = crypto::verify_ballot(*ctx, roster, *decoded); !v)
      return detail::internal("the ballot just built does not verify: " + v.error().message);
    out.tracking_code = decoded->tracking_code();
    if (out.tracking_code != tracking_code_of(out.ballot))
      return detail::internal("the ballot's tracking code is not the hash of its bytes");
    return out;
  } catch (...) {
    return detail::internal("out of memory while building a ballot");
  }
}

Result<void> check_receipt(const PreparedBallot &ballot, const protocol::Receipt &receipt,
                           const crypto::SignPublicKey &server_key) {
  try {
    if (auto v = protocol::verify_receipt(receipt, server_key); !v) return v.error();
    if (receipt.meeting != ballot.meeting)
      return detail::inconsistent("receipt.meeting", "the receipt is for meeting \"" + receipt.meeting.str() +
                                                         "\", not \"" + ballot.meeting.str() + "\"");
    if (receipt.poll != ballot.poll)
      return detail::inconsistent("receipt.poll", "the receipt is for poll \"" + receipt.poll.str() +
                                                      "\", not \"" + ballot.poll.str() + "\"");
    if (receipt.tracking_code != ballot.tracking_code)
      return detail::inconsistent("receipt.tracking_code",
                                  "the receipt's tracking code is not this ballot's");
    return {};
  } catch (...) {
    return detail::internal("out of memory");
  }
}

Result<void> check_lookup_entry(const protocol::PollId &poll, const ByteArray<32> &tracking_code,
                                const protocol::LookupTrackingCodeResponse &found,
                                const protocol::GetBoardResponse &page) {
  if (page.entries.empty() || page.entries.front().seq != found.board_seq)
    return protocol::check_error(protocol::ErrorCode::inconsistent_data, "board_seq",
                                 "board_seq: the board has no entry " + std::to_string(found.board_seq));
  const auto &e = page.entries.front();
  if (e.hash != protocol::board_entry_hash(e) || e.hash != found.entry_hash ||
      e.kind != protocol::BoardEntryKind::ballot || e.poll_id != poll.str() ||
      tracking_code_of(e.payload) != tracking_code)
    return protocol::check_error(protocol::ErrorCode::inconsistent_data, "entry",
                                 "entry: board entry " + std::to_string(e.seq) + " is not this ballot");
  return {};
}

} // namespace cv::client::roles
