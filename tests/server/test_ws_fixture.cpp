#include "test_ws_fixture.hpp"

#include "councilvote/server/tls_identity.hpp"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QSslCertificate>
#include <QTimer>
#include <catch2/catch.hpp>

namespace cv::test {

using protocol::MessageType;
using protocol::Role;

FakeHandler::FakeHandler() : meeting_(protocol::MeetingId::parse("test-meeting").value()) {}

protocol::RoleSet FakeHandler::roles_of(const crypto::SignPublicKey &key) const {
  auto it = roles.find(key);
  return it == roles.end() ? protocol::RoleSet{} : it->second;
}

protocol::Result<server::ServiceOutput> FakeHandler::handle(MessageType type, const crypto::SignPublicKey &,
                                                            const QJsonObject &body) {
  calls.push_back(type);
  if (fail_with) return *fail_with;
  server::ServiceOutput out;
  out.body.insert("type", protocol::json_string(protocol::message_type_name(type)));
  out.body.insert("echo", body);
  out.pushes = pushes;
  return out;
}

WsFixture::WsFixture(const std::function<void(server::ServerOptions &)> &tune) {
  handler.roles[keys.secretary.public_key] = {Role::secretary};
  handler.roles[keys.member.public_key] = {Role::member};
  handler.roles[keys.trustee.public_key] = {Role::member, Role::trustee};
  auto id = server::generate_tls_identity({});
  REQUIRE(id);
  auto tls = server::make_tls_configuration(id->key_pem, id->certificate_pem);
  REQUIRE(tls);
  pin = server::certificate_fingerprint(QSslCertificate(id->certificate_pem, QSsl::Pem));
  server::ServerOptions options;
  options.clock = [this] { return now_ms; };
  if (tune) tune(options);
  server = std::make_unique<server::WsServer>(handler, *tls, options);
  auto listening = server->listen(QHostAddress::LocalHost, 0);
  REQUIRE(listening);
  REQUIRE(server->server_port() != 0);
}

WsFixture::~WsFixture() = default;

std::unique_ptr<WsTestClient> WsFixture::client() {
  auto c = std::make_unique<WsTestClient>(pin);
  REQUIRE(c->connect(port()));
  return c;
}

protocol::Request WsFixture::request(MessageType type, const crypto::SigningKey &key, const QJsonObject &body,
                                     const std::string &id) const {
  return protocol::make_request(protocol::RequestId::parse(id).value(), type, handler.meeting_id(), body, key,
                                static_cast<std::uint64_t>(now_ms));
}

bool WsFixture::still_serves() {
  const auto before = handler.calls.size();
  auto fresh = crypto::SigningKey::generate();
  WsTestClient c(pin);
  if (!c.connect(port())) return false;
  auto r = c.request(request(MessageType::get_poll, fresh, {{"poll", "poll-1"}}, "r-check"));
  return r && r->ok && r->id && r->id->str() == "r-check" && handler.calls.size() == before + 1;
}

bool wait_for(const std::function<bool()> &done, int timeout_ms) {
  QElapsedTimer clock;
  clock.start();
  while (!done()) {
    if (clock.elapsed() >= timeout_ms) return false;
    QEventLoop loop;
    QTimer::singleShot(10, &loop, &QEventLoop::quit);
    loop.exec();
  }
  return true;
}

std::string edited(const protocol::Request &r, const std::function<void(QJsonObject &)> &edit) {
  const auto text = protocol::encode_request(r);
  QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(text)).object();
  edit(o);
  return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

void require_error(const std::optional<protocol::Response> &r, protocol::ErrorCode code,
                   const std::string &id) {
  REQUIRE(r);
  INFO("error: " << r->error.message);
  REQUIRE_FALSE(r->ok);
  CHECK(protocol::error_code_name(r->error.code) == protocol::error_code_name(code));
  if (id.empty())
    CHECK_FALSE(r->id.has_value());
  else
    CHECK((r->id && r->id->str() == id));
}

} // namespace cv::test
