// The secretary's role, without the network: turns the council's CSV files (data/roster.csv,
// data/nominees.csv, data/rules.csv) into the request bodies of docs/wire.md §8.3, and builds
// open_poll requests. Every value is checked against the wire limits before anything is sent, and
// every error names the file and line: E_INVALID_ARGUMENT "nominees.csv line 14: kind ...".
#pragma once

#include "councilvote/client/roles/csv.hpp"
#include "councilvote/protocol/bodies.hpp"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cv::client::roles {

// ---------------------------------------------------------------------------------------------
// roster.csv: member_no,full_name,council_role,position,unit

[[nodiscard]] protocol::Result<protocol::ImportRosterRequest>
roster_from_csv(std::string_view text, std::string source = "roster.csv");
[[nodiscard]] protocol::Result<protocol::ImportRosterRequest>
read_roster_csv(const std::filesystem::path &path);

// ---------------------------------------------------------------------------------------------
// keys.csv: member_no,key — the members' Ed25519 public keys (64 lowercase hex digits), for one
// register_member_keys request (docs/wire.md §8.3). 1..1000 rows, each member and each key once.
[[nodiscard]] protocol::Result<protocol::RegisterMemberKeysRequest>
member_keys_from_csv(std::string_view text, std::string source);
[[nodiscard]] protocol::Result<protocol::RegisterMemberKeysRequest>
read_member_keys_csv(const std::filesystem::path &path);

// ---------------------------------------------------------------------------------------------
// nominees.csv: nominee_no,kind,name,position,unit,award,rule_id[,award_quota]
//
// award_quota is optional per row (empty: not stated here); rows of the same award that state it
// must agree. Each stated quota becomes one set_award_quota request, in order of first appearance.

struct NomineeImport {
  protocol::ImportNomineesRequest nominees;
  std::vector<protocol::SetAwardQuotaRequest> quotas;
  std::vector<std::size_t> lines; // the CSV line of each nominee, for later messages
};

[[nodiscard]] protocol::Result<NomineeImport> nominees_from_csv(std::string_view text,
                                                                std::string source = "nominees.csv");
[[nodiscard]] protocol::Result<NomineeImport> read_nominees_csv(const std::filesystem::path &path);

// ---------------------------------------------------------------------------------------------
// rules.csv: rule_id,label,threshold,comparison,denominator[,quorum],source, shares written "2/3"
// or "90%" (the quorum is 0% when the column is absent or the field empty): protocol's reader,
// shared with the server's shipped profiles.
using protocol::read_rules_csv;
using protocol::rules_from_csv;

// Every nominee's rule_id is one of `rules` (the server would refuse import_nominees otherwise).
[[nodiscard]] protocol::Result<void> check_nominee_rules(const NomineeImport &nominees,
                                                         std::span<const protocol::RuleProfile> rules,
                                                         std::string_view source = "nominees.csv");

// ---------------------------------------------------------------------------------------------
// Polls

// The nominees whose numbers `spec` lists: "all", or numbers and ranges "1-10,15,20-22", in the
// order of `all`. E_INVALID_ARGUMENT for syntax, an empty or reversed range, a number that is no
// nominee, or an empty selection.
[[nodiscard]] protocol::Result<std::vector<protocol::NomineeRow>>
select_nominees(std::span<const protocol::NomineeRow> all, std::string_view spec);

// An open_poll request with one commendation contest per nominee (contest id = the nominee number
// in decimal), in the given order, followed by the `general` contests. Checks the poll id, the
// title (1..500 bytes of text), 1..4096 contests, a window (from < until) when phase is remote,
// and OpenPollRequest::validate(); E_INVALID_ARGUMENT otherwise.
[[nodiscard]] protocol::Result<protocol::OpenPollRequest>
make_open_poll_request(std::string_view poll_id, std::string_view title,
                       std::span<const protocol::NomineeRow> nominees, protocol::OpenPhase phase,
                       std::optional<protocol::RemoteWindow> window = std::nullopt,
                       std::span<const protocol::ContestDef> general = {});

// Text as the wire accepts it (protocol/csv.hpp).
using protocol::text_problem;

} // namespace cv::client::roles
