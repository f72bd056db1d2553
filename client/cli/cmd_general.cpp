// keygen, key-info, bundle-info.
#include "common.hpp"
#include "councilvote/protocol/json.hpp"

namespace cv::cli {

namespace {

Result<void> keygen(const GlobalOptions &g, Args &a) {
  auto path = a.required("--out");
  if (!path) return path.error();
  auto label = a.required("--label");
  if (!label) return label.error();
  auto role = a.option("--role");
  if (!role) return role.error();
  if (auto r = no_more(a); !r) return r;
  auto pass = client::obtain_passphrase(passphrase_source(g), "New passphrase for " + *path + ": ", true);
  if (!pass) return from_crypto(pass.error());
  if (g.insecure_fast_kdf)
    note("warning: --insecure-fast-kdf: this key file resists passphrase guessing poorly");
  auto k = client::create_key_file(*path, *label, role->value_or("member"), pass->view(),
                                   client::kdf_params(g.insecure_fast_kdf));
  if (!k) return from_crypto(k.error());
  if (g.json) {
    QJsonObject o;
    o.insert("file", QString::fromStdString(*path));
    o.insert("label", QString::fromStdString(k->label));
    o.insert("role", QString::fromStdString(k->role));
    o.insert("signing_key", protocol::json_hex(k->signing.public_key));
    o.insert("box_key", protocol::json_hex(k->box.public_key));
    print_json(o);
    return {};
  }
  out("key file:    " + *path);
  out("signing key: " + hex(k->signing.public_key));
  out("box key:     " + hex(k->box.public_key));
  return {};
}

Result<void> key_info(const GlobalOptions &g, Args &a) {
  if (auto r = no_more(a); !r) return r;
  auto loaded = load_key(g);
  if (!loaded) return loaded.error();
  const auto *k = &loaded->contents;
  if (g.json) {
    QJsonObject o;
    o.insert("label", QString::fromStdString(k->label));
    o.insert("role", QString::fromStdString(k->role));
    o.insert("signing_key", protocol::json_hex(k->signing.public_key));
    o.insert("box_key", protocol::json_hex(k->box.public_key));
    print_json(o);
    return {};
  }
  out("label:       " + k->label);
  out("role:        " + k->role);
  out("signing key: " + hex(k->signing.public_key));
  out("box key:     " + hex(k->box.public_key));
  return {};
}

Result<void> bundle_info(const GlobalOptions &g, Args &a) {
  if (auto r = no_more(a); !r) return r;
  auto b = load_bundle(g);
  if (!b) return b.error();
  if (g.json) {
    out(protocol::encode_bundle_json(*b));
    return {};
  }
  out("meeting:         " + b->meeting.str());
  out("server:          " + b->server.str());
  out("bundle code:     " + protocol::bundle_code(*b));
  out("tls fingerprint: " + hex(b->tls_cert_sha256));
  out("server key:      " + hex(b->server_key));
  out("compact form:    " + protocol::encode_bundle_compact(*b));
  note("Compare the bundle code with the one the secretary reads out.");
  return {};
}

} // namespace

void add_general_commands(std::vector<Command> &c) {
  const std::string role = "Everyone";
  c.push_back({"keygen", role, "--out FILE --label LABEL [--role ROLE]",
               "create a sealed key file; prints the public signing key and box key (hex)", keygen});
  c.push_back({"key-info", role, "", "print the label, role and public keys of --key", key_info});
  c.push_back(
      {"bundle-info", role, "", "print the meeting, server and bundle code of --bundle", bundle_info});
}

} // namespace cv::cli
