#include "test_service_fixture.hpp"

#include "councilvote/protocol/json.hpp"
#include "councilvote/protocol/messages.hpp"

#include <atomic>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace cv::test::service {

using protocol::MessageType;

namespace {

std::filesystem::path fresh_dir() {
  static std::atomic<int> counter{0};
  return std::filesystem::temp_directory_path() /
         ("cv-service-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
}

// Every successful answer reads as the response body type of the message table (messages.hpp), and
// every push as its push body type: the server's handlers and the table agree.
void check_against_table(MessageType type, const server::ServiceOutput &out) {
  protocol::for_each_message_type([&](auto tag) {
    if (decltype(tag)::value != type) return;
    auto body = protocol::read_body<protocol::ResponseBody<decltype(tag)::value>>(out.body);
    INFO(protocol::message_type_name(type) << " answer: " << (body ? "" : body.error().message));
    CHECK(body);
  });
  for (const auto &push : out.pushes)
    protocol::for_each_push_type([&](auto tag) {
      if (decltype(tag)::value != push.type) return;
      auto body = protocol::PushBody<decltype(tag)::value>::from_json(push.body);
      INFO(protocol::push_type_name(push.type) << " push: " << (body ? "" : body.error().message));
      CHECK(body);
    });
}

std::filesystem::path data_file(const char *name) {
  return std::filesystem::path(__FILE__).parent_path().parent_path().parent_path() / "data" / name;
}

std::vector<std::string> split(const std::string &line) {
  std::vector<std::string> out;
  std::stringstream ss(line);
  std::string cell;
  while (std::getline(ss, cell, ',')) out.push_back(cell);
  if (!line.empty() && line.back() == ',') out.emplace_back();
  return out;
}

std::string describe(const protocol::Error &e) {
  return std::string(protocol::error_code_name(e.code)) + ": " + e.message +
         (e.check.empty() ? "" : " [check " + e.check + "]") +
         (e.field.empty() ? "" : " [field " + e.field + "]");
}

} // namespace

std::vector<protocol::NomineeRow> test_nominees() {
  using protocol::NomineeKind;
  return {
      {1, NomineeKind::ca_nhan, "Phạm Xuân Hiếu", "Bác sĩ", "Cục Hải quan tỉnh", "Chiến sĩ thi đua toàn quốc",
       "decree98-90"},
      {2, NomineeKind::ca_nhan, "Đỗ Xuân Trung", "Chiến sĩ", "Đài Phát thanh", "Chiến sĩ thi đua toàn quốc",
       "decree98-90"},
      {3, NomineeKind::ca_nhan, "Dương Quốc Nam", "Kỹ sư", "Đài Phát thanh", "Chiến sĩ thi đua toàn quốc",
       "decree98-90"},
      {4, NomineeKind::tap_the, "Phòng Tổ chức", "", "Sở Nội vụ", "Tập thể lao động xuất sắc",
       "council-majority"},
  };
}

std::vector<protocol::ContestDef> test_contests() {
  std::vector<protocol::ContestDef> out;
  for (std::uint32_t n = 1; n <= 4; ++n) {
    protocol::ContestDef c;
    c.id = "nominee-" + std::to_string(n);
    c.kind = crypto::ContestKind::commendation;
    c.nominee_no = n;
    out.push_back(c);
  }
  protocol::ContestDef g;
  g.id = "venue";
  g.kind = crypto::ContestKind::general;
  g.label = "Where is the next session held?";
  g.option_labels = {"Vĩnh Long", "Trà Vinh", "Bến Tre"};
  g.min = 0;
  g.max = 2;
  out.push_back(g);
  return out;
}

QJsonObject poll_ref(const std::string &poll) {
  return protocol::PollRef{protocol::PollId::parse(poll).value()}.to_json();
}

ServiceFixture::ServiceFixture()
    : root(fresh_dir()), dir{root / "meeting"}, secretary(crypto::SigningKey::generate(rng)),
      stranger(crypto::SigningKey::generate(rng)), meeting_(protocol::MeetingId::parse(kMeeting).value()) {
  for (std::uint32_t i = 1; i <= kMembers; ++i) members_.push_back(crypto::SigningKey::generate(rng));
  std::filesystem::create_directories(root);
  server::InitParams params;
  params.meeting = {kMeeting, "Hội đồng Thi đua - Khen thưởng tỉnh Vĩnh Long", "Phiên họp tháng 6",
                    "2025-06-15", "Hội trường UBND tỉnh"};
  params.secretary_keys = {secretary.public_key};
  params.address = protocol::ServerAddress::parse("127.0.0.1:8443").value();
  auto init = server::init_meeting_dir(dir, params);
  if (!init) FAIL(describe(init.error()));
  auto clock = now;
  auto opened = server::MeetingService::open(dir, [clock] { return *clock; });
  if (!opened) FAIL(describe(opened.error()));
  service = std::move(*opened);
  auto store = schema::Store::open(dir.database());
  REQUIRE(store);
  inspect = std::make_unique<schema::Store>(std::move(*store));
}

ServiceFixture::~ServiceFixture() {
  service.reset();
  inspect.reset();
  std::error_code ec;
  std::filesystem::remove_all(root, ec);
}

protocol::Result<server::ServiceOutput>
ServiceFixture::call(MessageType type, const crypto::SigningKey &sender, const QJsonObject &body) {
  // Through the JSON text, as the transport hands it over.
  auto parsed = protocol::parse_json_object(protocol::to_json(body));
  REQUIRE(parsed);
  auto out = service->handle(type, sender.public_key, *parsed);
  if (out) check_against_table(type, *out);
  return out;
}

QJsonObject ServiceFixture::ok(MessageType type, const crypto::SigningKey &sender, const QJsonObject &body) {
  auto r = call(type, sender, body);
  INFO(protocol::message_type_name(type));
  if (!r) FAIL(describe(r.error()));
  return r->body;
}

protocol::Error ServiceFixture::fails(MessageType type, const crypto::SigningKey &sender,
                                      const QJsonObject &body, protocol::ErrorCode code) {
  const auto before = written();
  auto r = call(type, sender, body);
  INFO(protocol::message_type_name(type));
  REQUIRE_FALSE(r.has_value());
  INFO(describe(r.error()));
  CHECK(protocol::error_code_name(r.error().code) == protocol::error_code_name(code));
  CHECK(written() == before);
  return r.error();
}

Written ServiceFixture::written() {
  auto head = inspect->board_head();
  REQUIRE(head);
  auto audit = inspect->audit_log(0, 1'000'000);
  REQUIRE(audit);
  return Written{head->seq, head->hash, audit->size()};
}

void ServiceFixture::import_roster() {
  std::ifstream in(data_file("roster.csv"));
  REQUIRE(in);
  std::string line;
  std::getline(in, line); // header
  protocol::ImportRosterRequest req;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto cells = split(line);
    REQUIRE(cells.size() == 5);
    auto obj = QJsonObject{{"member_no", std::stoi(cells[0])},
                           {"full_name", QString::fromStdString(cells[1])},
                           {"council_role", QString::fromStdString(cells[2])},
                           {"position", QString::fromStdString(cells[3])},
                           {"unit", QString::fromStdString(cells[4])}};
    auto row = protocol::RosterRow::from_json(obj);
    REQUIRE(row);
    req.members.push_back(*row);
  }
  REQUIRE(req.members.size() == kMembers);
  auto body = ok(MessageType::import_roster, secretary, req.to_json());
  CHECK(body.value("count").toInt() == static_cast<int>(kMembers));
}

void ServiceFixture::register_keys() {
  for (std::uint32_t i = 1; i <= kMembers; ++i)
    (void)ok(MessageType::register_member_key, secretary,
             protocol::RegisterMemberKeyRequest{i, member(i).public_key}.to_json());
}

void ServiceFixture::import_nominees() {
  protocol::ImportNomineesRequest req{test_nominees()};
  auto body = ok(MessageType::import_nominees, secretary, req.to_json());
  CHECK(body.value("count").toInt() == 4);
}

void ServiceFixture::set_attendance() {
  protocol::SetAttendanceRequest req;
  for (std::uint32_t i = 1; i <= 18; ++i) req.entries.push_back({i, protocol::Attendance::present});
  req.entries.push_back({19, protocol::Attendance::remote});
  req.entries.push_back({20, protocol::Attendance::remote});
  req.entries.push_back({21, protocol::Attendance::absent});
  auto body = ok(MessageType::set_attendance, secretary, req.to_json());
  auto summary = protocol::AttendanceSummary::from_json(body);
  REQUIRE(summary);
  CHECK(*summary == protocol::AttendanceSummary{22, 18, 2, 1, 1});
}

void ServiceFixture::run_ceremony() {
  constexpr std::uint32_t kThreshold = 2;
  trustees.clear();
  protocol::SetTrusteesRequest req;
  req.threshold = kThreshold;
  for (std::uint32_t i = 1; i <= 3; ++i) {
    Trustee t;
    t.index = i;
    t.member_no = i;
    t.secrets.index = i;
    t.secrets.box = crypto::BoxKeyPair::generate(rng);
    t.secrets.polynomial = crypto::DealerPolynomial::random(kThreshold, rng);
    req.trustees.push_back({i, i, t.secrets.box.public_key});
    trustees.push_back(std::move(t));
  }
  auto body = ok(MessageType::set_trustees, secretary, req.to_json());
  auto resp = protocol::SetTrusteesResponse::from_json(body);
  REQUIRE(resp);
  ceremony_context = resp->ceremony_context;
  auto ceremony = crypto::Ceremony::create(req.ceremony_params(meeting_));
  REQUIRE(ceremony);
  REQUIRE(ceremony->context() == ceremony_context);

  std::vector<crypto::TrusteeCommitments> commitments;
  for (auto &t : trustees) {
    auto c = crypto::commit_polynomial(*ceremony, t.secrets, rng);
    REQUIRE(c);
    (void)ok(
        MessageType::post_ceremony_message, member(t.member_no),
        protocol::PostCeremonyMessageRequest{ceremony_context, protocol::CeremonyContent::of(*c)}.to_json());
    commitments.push_back(*c);
  }
  std::vector<crypto::EncryptedShare> shares;
  for (auto &t : trustees) {
    auto dealt = crypto::deal_shares(*ceremony, t.secrets, rng);
    REQUIRE(dealt);
    for (const auto &s : *dealt) {
      (void)ok(
          MessageType::post_ceremony_message, member(t.member_no),
          protocol::PostCeremonyMessageRequest{ceremony_context, protocol::CeremonyContent::of(s)}.to_json());
      shares.push_back(s);
    }
  }
  for (auto &t : trustees) {
    auto key = crypto::finalize_key_share(*ceremony, t.secrets, {commitments, shares});
    REQUIRE(key);
    t.share = std::move(*key);
  }
  auto messages =
      ok(MessageType::get_ceremony_messages, member(1), protocol::GetCeremonyMessagesRequest{0}.to_json());
  auto resp2 = protocol::GetCeremonyMessagesResponse::from_json(messages);
  REQUIRE(resp2);
  CHECK(resp2->state == protocol::CeremonyState::complete);
  REQUIRE(resp2->joint_key);
  CHECK(*resp2->joint_key == trustees.front().share.joint_key);
  CHECK(resp2->messages.size() == 3 + 6);
}

void ServiceFixture::setup() {
  import_roster();
  register_keys();
  import_nominees();
  set_attendance();
  run_ceremony();
}

protocol::PollInfo ServiceFixture::open_poll(const std::string &poll, protocol::OpenPhase phase) {
  protocol::OpenPollRequest req;
  req.poll = protocol::PollId::parse(poll).value();
  req.title = "Bỏ phiếu " + poll;
  req.contests = test_contests();
  req.phase = phase;
  if (phase == protocol::OpenPhase::remote)
    req.remote_window = protocol::RemoteWindow{static_cast<std::uint64_t>(*now - 1000),
                                               static_cast<std::uint64_t>(*now + 3'600'000)};
  auto body = ok(MessageType::open_poll, secretary, req.to_json());
  auto info = protocol::PollInfo::from_json(body);
  REQUIRE(info);
  return *info;
}

crypto::PollContext ServiceFixture::context_of(const protocol::PollInfo &info) const {
  auto ctx = protocol::verified_context(info.definition, meeting_);
  REQUIRE(ctx);
  return *ctx;
}

crypto::Bytes ServiceFixture::ballot(const protocol::PollInfo &info, std::uint32_t member_no,
                                     std::vector<crypto::ContestSelection> selections) {
  const auto ctx = context_of(info);
  if (selections.empty()) {
    for (const auto &c : ctx.manifest.contests)
      selections.push_back(c.kind == crypto::ContestKind::commendation ? crypto::ContestSelection::agree()
                                                                       : crypto::ContestSelection{{0}});
  }
  auto b = crypto::encrypt_ballot({ctx, member(member_no), selections, rng});
  REQUIRE(b);
  return b->encode();
}

QJsonObject ServiceFixture::cast(const std::string &poll, std::uint32_t member_no, const crypto::Bytes &b) {
  return ok(MessageType::cast_ballot, member(member_no),
            protocol::CastBallotRequest{protocol::PollId::parse(poll).value(), b}.to_json());
}

} // namespace cv::test::service
