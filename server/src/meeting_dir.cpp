// `councilvote-server init`: the meeting directory (meeting_dir.hpp).
#include "councilvote/server/meeting_dir.hpp"

#include "councilvote/crypto/file_io.hpp"
#include "councilvote/protocol/csv.hpp"
#include "councilvote/schema/store.hpp"
#include "councilvote/server/tls_identity.hpp"
#include "service_impl.hpp"

#include <QSslCertificate>
#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cv::server {

namespace {

using protocol::ErrorCode;
using protocol::make_error;

constexpr auto kPublicFile =
    crypto::kOwnerOnly | std::filesystem::perms::group_read | std::filesystem::perms::others_read; // 0644

protocol::Error io_error(const std::filesystem::path &path, std::string_view what) {
  return make_error(ErrorCode::internal,
                    std::string(what) + " " + path.string() + ": " + std::strerror(errno));
}

// Writes `data` to a new file (never replacing one) with `mode`, atomically (crypto::write_file_atomic).
protocol::Result<void> write_new_file(const std::filesystem::path &path, std::string_view data,
                                      std::filesystem::perms mode) {
  if (auto ok = crypto::write_file_atomic(path, crypto::as_bytes(data), false, mode); !ok)
    return make_error(ErrorCode::internal, ok.error().message);
  return {};
}

std::string as_string(const QByteArray &b) {
  return std::string(b.constData(), static_cast<std::size_t>(b.size()));
}

protocol::Result<void> create_database(const MeetingDir &dir, const InitParams &params) {
  auto profiles = shipped_rule_profiles();
  if (!profiles) return profiles.error();
  auto store = schema::Store::open(dir.database());
  if (!store) return make_error(ErrorCode::internal, store.error().message);
  auto fail = [](const schema::Error &e) { return make_error(ErrorCode::internal, e.message); };
  if (auto r = store->begin_transaction(); !r) return fail(r.error());
  auto body = [&]() -> schema::Result<void> {
    if (auto r = store->create_meeting("init", params.meeting); !r) return r;
    for (const auto &key : params.secretary_keys)
      if (auto r = store->add_secretary_key("init", key); !r) return r;
    std::vector<schema::RuleProfile> rules;
    for (const auto &p : *profiles) rules.push_back(detail::rule_row(p));
    return store->import_rules("init", rules);
  }();
  if (!body) {
    store->rollback_transaction();
    return fail(body.error());
  }
  if (auto r = store->commit_transaction(); !r) return fail(r.error());
  return {};
}

protocol::Result<InitResult> populate(const MeetingDir &dir, const InitParams &params,
                                      const protocol::MeetingId &meeting) {
  if (auto r = create_database(dir, params); !r) return r.error();

  auto signing = crypto::SigningKey::generate();
  if (auto r = write_new_file(dir.signing_key(), crypto::to_hex(signing.seed()) + "\n", crypto::kOwnerOnly);
      !r)
    return r.error();

  auto tls = generate_tls_identity({});
  if (!tls) return make_error(ErrorCode::internal, tls.error().message);
  if (auto r = write_new_file(dir.tls_key(), as_string(tls->key_pem), crypto::kOwnerOnly); !r)
    return r.error();
  if (auto r = write_new_file(dir.tls_certificate(), as_string(tls->certificate_pem), kPublicFile); !r)
    return r.error();
  const auto certs = QSslCertificate::fromData(tls->certificate_pem, QSsl::Pem);
  if (certs.size() != 1) return make_error(ErrorCode::internal, "cannot read back the TLS certificate");
  const QByteArray fp = certificate_fingerprint(certs.front());
  if (fp.size() != 32) return make_error(ErrorCode::internal, "unexpected TLS certificate fingerprint size");
  protocol::ByteArray<32> fingerprint{};
  for (std::size_t i = 0; i < fingerprint.size(); ++i)
    fingerprint[i] = static_cast<std::uint8_t>(fp[static_cast<qsizetype>(i)]);

  InitResult out;
  out.bundle = protocol::make_enrollment_bundle(meeting, params.address, fingerprint, signing,
                                                params.meeting.min_ballots);
  out.bundle_code = protocol::bundle_code(out.bundle);
  out.server_key = signing.public_key;
  if (auto r =
          write_new_file(dir.bundle_json(), protocol::encode_bundle_json(out.bundle) + "\n", kPublicFile);
      !r)
    return r.error();
  if (auto r = write_new_file(dir.bundle_compact(), protocol::encode_bundle_compact(out.bundle) + "\n",
                              kPublicFile);
      !r)
    return r.error();
  return out;
}

} // namespace

protocol::Result<InitResult> init_meeting_dir(const MeetingDir &dir, const InitParams &params) {
  try {
    auto meeting = protocol::MeetingId::parse(params.meeting.meeting_id);
    if (!meeting) return make_error(ErrorCode::invalid_argument, meeting.error().message);
    if (params.secretary_keys.empty())
      return make_error(ErrorCode::invalid_argument, "at least one secretary key is needed");
    if (params.address.host.empty() || params.address.port == 0)
      return make_error(ErrorCode::invalid_argument, "the server address is missing");

    std::error_code ec;
    bool created = false;
    if (std::filesystem::exists(dir.root, ec)) {
      if (!std::filesystem::is_directory(dir.root, ec) || !std::filesystem::is_empty(dir.root, ec))
        return make_error(ErrorCode::invalid_argument,
                          dir.root.string() + " exists and is not an empty directory");
    } else {
      if (!std::filesystem::create_directories(dir.root, ec) || ec)
        return make_error(ErrorCode::internal, "cannot create " + dir.root.string() + ": " + ec.message());
      created = true;
    }
    ::chmod(dir.root.c_str(), 0700);

    auto result = populate(dir, params, *meeting);
    if (!result) {
      if (created) {
        std::filesystem::remove_all(dir.root, ec);
      } else {
        for (const auto &entry : std::filesystem::directory_iterator(dir.root, ec))
          std::filesystem::remove_all(entry.path(), ec);
      }
    }
    return result;
  } catch (...) {
    return make_error(ErrorCode::internal, "unexpected exception while creating the meeting directory");
  }
}

protocol::Result<std::vector<protocol::RuleProfile>> shipped_rule_profiles() {
  return protocol::rules_from_csv(shipped_rules_csv(), "rules.csv (built into the server)");
}

protocol::Result<crypto::SigningKey> load_server_signing_key(const MeetingDir &dir) {
  try {
    const auto path = dir.signing_key();
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) return io_error(path, "cannot open");
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
      auto e = io_error(path, "cannot stat");
      ::close(fd);
      return e;
    }
    if ((st.st_mode & 077) != 0) {
      ::close(fd);
      return make_error(ErrorCode::internal,
                        path.string() + " is readable by group or others; run chmod 600 on it");
    }
    std::array<char, 130> buf{};
    const ssize_t n = ::read(fd, buf.data(), buf.size());
    ::close(fd);
    if (n < 0) return io_error(path, "cannot read");
    std::string text(buf.data(), static_cast<std::size_t>(n));
    if (text.size() == 65 && text.back() == '\n') text.pop_back();
    auto seed = crypto::from_hex_fixed<crypto::kSignSeedBytes>(text);
    if (text.size() != 2 * crypto::kSignSeedBytes || !seed)
      return make_error(ErrorCode::internal,
                        path.string() + " does not hold a signing key (64 hex characters)");
    return crypto::SigningKey::from_seed(*seed);
  } catch (...) {
    return make_error(ErrorCode::internal, "unexpected exception while reading the server key");
  }
}

} // namespace cv::server
