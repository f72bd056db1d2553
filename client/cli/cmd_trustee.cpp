// The trustee's commands (docs/wire.md §8.5): the key ceremony and the partial decryption.
//
// Files next to the trustee's key file "<stem>.key":
//   <stem>.ceremony.sealed          the ceremony state (secret polynomial, prepared messages), sealed
//                                   before the first post so that a restart posts the same bytes;
//                                   deleted once the key share is saved
//   <stem>.share-<ctx8>.sealed      the key share of the ceremony whose context starts with ctx8
// Both are sealed with the key file's passphrase.
#include "common.hpp"
#include "councilvote/client/blocking.hpp"
#include "councilvote/client/roles/trustee.hpp"
#include "show.hpp"

#include <filesystem>
#include <system_error>

namespace cv::cli {

namespace {

namespace roles = client::roles;
using protocol::PollId;

std::filesystem::path state_path(const std::filesystem::path &key) {
  return client::sibling_path(key, "ceremony.sealed");
}

std::filesystem::path share_path(const std::filesystem::path &key, const protocol::Hash32 &ceremony_context) {
  return client::sibling_path(key, "share-" + hex(ceremony_context).substr(0, 8) + ".sealed");
}

// Waits up to `ms`, or less when the server pushes a ceremony message.
void wait_for_news(client::Connection &conn, int ms) {
  QMetaObject::Connection c;
  (void)client::run_until_finished(
      [&](const std::function<void()> &finish) {
        c = QObject::connect(&conn, &client::Connection::push_received, &conn,
                             [finish](protocol::PushType t, const QJsonObject &) {
                               if (t == protocol::PushType::ceremony_message) finish();
                             });
      },
      client::Millis{ms});
  QObject::disconnect(c);
}

// Absorbs every page after what the session has seen (the last, empty page too: it carries the state).
Result<void> catch_up(client::Client &c, roles::TrusteeSession &s) {
  for (;;) {
    auto page = c.get_ceremony_messages(s.next_after_seq());
    if (!page) return page.error();
    const bool last = page->messages.empty();
    if (auto r = s.absorb(*page); !r) return r;
    if (last) return {};
  }
}

Result<roles::TrusteeSession> start_or_resume(Session &s, const protocol::GetCeremonyMessagesResponse &first,
                                              const std::filesystem::path &state) {
  const auto &keys = *s.key();
  std::error_code ec;
  if (std::filesystem::exists(state, ec)) {
    auto resumed = roles::load_ceremony_state(state, s.passphrase(), keys);
    if (!resumed) return resumed.error();
    if (resumed->ceremony_context() == first.ceremony_context) {
      note("resuming from " + state.string());
      return resumed;
    }
    note("the saved ceremony state is of an earlier ceremony; starting this one afresh");
  }
  auto fresh = roles::TrusteeSession::begin(s.bundle().meeting, keys, first);
  if (!fresh) return fresh.error();
  // Sealed before anything is posted: a restart must post the same messages.
  if (auto w = roles::save_ceremony_state(state, *fresh, s.passphrase(),
                                          client::kdf_params(s.options().insecure_fast_kdf));
      !w)
    return w.error();
  return fresh;
}

Result<void> ceremony(const GlobalOptions &g, Args &a) {
  auto poll_every = a.option("--poll-seconds");
  if (!poll_every) return poll_every.error();
  std::uint32_t interval_s = 2;
  if (*poll_every) {
    auto v = parse_uint(**poll_every, "--poll-seconds", 1, 600);
    if (!v) return v.error();
    interval_s = *v;
  }
  if (auto r = no_more(a); !r) return r;
  auto opened = Session::open(g, true);
  if (!opened) return opened.error();
  Session &s = **opened;
  auto &c = s.client();
  const auto key_file = *s.key_path();

  auto first = c.get_ceremony_messages(0);
  if (!first) return first.error();
  const auto share_file = share_path(key_file, first->ceremony_context);
  std::error_code ec;
  if (std::filesystem::exists(share_file, ec)) {
    out("your key share of this ceremony is already saved: " + share_file.string());
    return {};
  }
  const auto state = state_path(key_file);
  auto session = start_or_resume(s, *first, state);
  if (!session) return session.error();
  out("trustee " + std::to_string(session->index()) + " of " + std::to_string(session->trustee_count()) +
      ", threshold " + std::to_string(session->threshold()) + "; ceremony " +
      hex(session->ceremony_context()));

  std::string last_report;
  for (;;) {
    if (auto r = catch_up(c, *session); !r) return r;
    auto step = session->step();
    if (!step) return step.error();
    switch (step->progress) {
    case roles::CeremonyProgress::post:
    case roles::CeremonyProgress::complain:
      for (const auto &m : step->to_post) {
        auto posted = c.post_ceremony_message(m);
        if (!posted) return posted.error();
        std::string what(protocol::ceremony_message_kind_name(m.content.kind));
        if (auto share = m.content.decode_share();
            m.content.kind == protocol::CeremonyMessageKind::share && share)
          what += " for trustee " + std::to_string(share->to);
        if (m.content.kind == protocol::CeremonyMessageKind::complaint)
          what += " against trustee " + std::to_string(m.content.complaint.accused);
        out("posted " + what + " (board entry " + std::to_string(posted->board_seq) + ")");
      }
      if (step->progress == roles::CeremonyProgress::complain)
        return protocol::make_error(protocol::ErrorCode::invalid_ceremony_message,
                                    "complaint posted, the ceremony fails: " + step->detail);
      continue; // look at the board again at once
    case roles::CeremonyProgress::complete: {
      auto share = session->finalize();
      if (!share) return share.error();
      const auto joint = share->joint_key;
      auto file = roles::share_file_of(*session, std::move(*share));
      if (auto w = roles::save_trustee_share(share_file, file, s.passphrase(),
                                             client::kdf_params(g.insecure_fast_kdf));
          !w)
        return w.error();
      std::filesystem::remove(state, ec);
      out("ceremony complete; joint key " + short_key(joint) + "  (" + hex(joint.bytes()) + ")");
      out("your key share is saved, sealed: " + share_file.string());
      return {};
    }
    case roles::CeremonyProgress::failed:
      return protocol::make_error(protocol::ErrorCode::wrong_state, "the ceremony failed: " + step->detail +
                                                                        "; the secretary starts a new one");
    case roles::CeremonyProgress::verified:
    case roles::CeremonyProgress::waiting: {
      std::string report;
      if (step->progress == roles::CeremonyProgress::verified)
        report =
            "every share sent to you verified: tell the secretary. Waiting for the ceremony to complete...";
      else
        for (const auto &w : step->waiting_for) report += (report.empty() ? "waiting for " : ", ") + w;
      if (report != last_report) note(report);
      last_report = report;
      wait_for_news(s.client().connection(), static_cast<int>(interval_s * 1000));
      break;
    }
    }
  }
}

Result<void> decrypt(const GlobalOptions &g, Args &a) {
  auto poll = a.required("--poll");
  if (!poll) return poll.error();
  auto id = parse_poll(*poll);
  if (!id) return id.error();
  if (auto r = no_more(a); !r) return r;
  auto opened = Session::open(g, true);
  if (!opened) return opened.error();
  Session &s = **opened;
  auto &c = s.client();
  auto info = c.get_poll(*id);
  if (!info) return info.error();
  const auto &cer = info->definition.ceremony;
  crypto::CeremonyParams params{s.bundle().meeting.str(), cer.threshold, cer.trustees};
  const auto path = share_path(*s.key_path(), crypto::ceremony_context(params));
  auto share = roles::load_trustee_share(path, s.passphrase());
  if (!share) return share.error();
  auto tally = c.get_tally(*id);
  if (!tally) return tally.error();
  note("reading the board to recompute the tally...");
  auto board = c.get_board_all();
  if (!board) return board.error();
  note(roles::small_tally_warning(tally->tally.ballots,
                                  static_cast<std::uint32_t>(info->definition.roster.size())));
  auto req = roles::make_partial_decryption(s.bundle().meeting, *info, board->entries, *tally, *share,
                                            s.bundle().min_ballots);
  if (!req) return req.error();
  auto r = c.post_partial_decryption(*req);
  if (!r) return r.error();
  if (g.json) return print_json(r->to_json()), Result<void>();
  std::string accepted;
  for (auto i : r->accepted) accepted += (accepted.empty() ? "" : ",") + std::to_string(i);
  out("partial decryption of " + id->str() + " accepted (tally of " + std::to_string(tally->tally.ballots) +
      " ballots checked against the board)");
  out("decryptions held: " + std::to_string(r->accepted.size()) + " of the " + std::to_string(r->threshold) +
      " needed (trustees " + accepted + ")");
  return {};
}

} // namespace

void add_trustee_commands(std::vector<Command> &c) {
  const std::string role = "Trustee";
  c.push_back(
      {"ceremony", role, "[--poll-seconds N]",
       "run your part of the key ceremony to the end; keeps your key share sealed next to your key file",
       ceremony});
  c.push_back({"decrypt", role, "--poll ID",
               "recompute the poll's tally from the board, then post your partial decryption", decrypt});
}

} // namespace cv::cli
