// councilvote-verify: the auditor's offline verifier of one record file (docs/record.md §5–§6).
// No Qt, no SQLite, no network: crypto/ and record/ only.
//
//   councilvote-verify FILE [--json] [--tracking-code CODE] [--server-key HEX] [--quiet]
//
// Exit codes: 0 the record is valid, 1 it is not (the first failing check is named), 2 usage.
#include "councilvote/crypto/init.hpp"
#include "councilvote/record/pdf_attach.hpp"
#include "councilvote/record/result_table.hpp"
#include "councilvote/record/verify.hpp"
#include "councilvote/record/verify_pdf.hpp"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

namespace {

const char *const kHelp = R"(Usage: councilvote-verify FILE [options]

FILE is a record file, or the minutes' PDF (councilvote-minutes): then the record file attached to
it is verified (check pdf.attachment) and must be the one whose fingerprint the PDF prints
(check pdf.fingerprint).

Verifies one CouncilVote record file offline (docs/record.md): the server's bundle, the hash
chain of the bulletin board, the key ceremony, every ballot's signature and proofs, one ballot
per roster member, the tally, every trustee's partial decryption and its proofs, the counts, each
outcome under the council's rules and quotas, and the server's signed record statement.
Prints each check, the result table, and "RECORD VALID <fingerprint>" (exit 0) or
"RECORD INVALID" with the first failing check (exit 1).

Options:
  --json                  print the report as JSON (for programs)
  --tracking-code CODE    say whether the ballot with this tracking code (64 hex digits, or the
                          short XXXX-XXXX-XXXX-XXXX code of the receipt) is counted, and where
  --server-key HEX        the server key printed in the room: the record's bundle must carry it
  --quiet                 print only the verdict line
  -h, --help              show this help
)";

int usage(const std::string &why) {
  std::fprintf(stderr, "councilvote-verify: %s (see --help)\n", why.c_str());
  return 2;
}

} // namespace

int main(int argc, char **argv) {
  std::string file;
  bool json = false, quiet = false;
  cv::record::VerifyOptions opt;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&](const char *name) -> const char * {
      if (i + 1 >= argc) return nullptr;
      (void)name;
      return argv[++i];
    };
    if (a == "-h" || a == "--help") {
      std::fputs(kHelp, stdout);
      return 0;
    } else if (a == "--json") {
      json = true;
    } else if (a == "--quiet") {
      quiet = true;
    } else if (a == "--tracking-code") {
      const char *v = value("--tracking-code");
      if (!v) return usage("--tracking-code needs a code");
      opt.tracking_code = v;
    } else if (a == "--server-key") {
      const char *v = value("--server-key");
      if (!v) return usage("--server-key needs 64 hex digits");
      auto b = cv::crypto::from_hex(v);
      if (!b || b->size() != 32) return usage("--server-key needs 64 lower-case hex digits");
      cv::crypto::SignPublicKey k{};
      for (std::size_t j = 0; j < k.size(); ++j) k[j] = (*b)[j];
      opt.server_key = k;
    } else if (!a.empty() && a[0] == '-') {
      return usage("unknown option '" + a + "'");
    } else if (file.empty()) {
      file = a;
    } else {
      return usage("one record file at a time");
    }
  }
  if (file.empty()) return usage("which record file?");
  if (auto r = cv::crypto::init(); !r) {
    std::fprintf(stderr, "councilvote-verify: the cryptographic self-test failed: %s\n",
                 r.error().message.c_str());
    return 1;
  }
  const auto t0 = std::chrono::steady_clock::now();
  bool progress_shown = false;
  if (!json && !quiet)
    opt.progress = [&](const cv::record::VerifyProgress &p) {
      if (std::chrono::steady_clock::now() - t0 < std::chrono::seconds(1)) return;
      progress_shown = true;
      const double pct =
          p.total_bytes ? 100.0 * static_cast<double>(p.bytes) / static_cast<double>(p.total_bytes) : 0;
      std::fprintf(stderr, "\rverifying: %u of %u ballots, %.0f%% of the file", p.ballots, p.total_ballots,
                   pct);
      std::fflush(stderr);
    };
  char magic[5] = {};
  std::ifstream(file, std::ios::binary).read(magic, sizeof magic);
  const bool pdf = cv::record::looks_like_pdf(std::string_view(magic, sizeof magic));
  const auto rep =
      pdf ? cv::record::verify_minutes_pdf(file, opt) : cv::record::verify_record_file(file, opt);
  if (progress_shown) std::fputs("\n", stderr);
  const auto fp = cv::crypto::to_hex(rep.fingerprint);
  if (json) {
    std::fputs(rep.to_json().c_str(), stdout);
    std::fputs("\n", stdout);
  } else {
    if (!quiet) {
      std::fputs(rep.to_text().c_str(), stdout);
      if (rep.record && rep.ok()) std::printf("\n%s\n", cv::record::format_result_table(*rep.record).c_str());
      if (rep.header && !rep.bundle_code.empty())
        std::printf("meeting %s, poll %s, bundle code %s, %u ballots, verified in %.2f s\n",
                    rep.header->bundle.meeting.c_str(), rep.header->poll.c_str(), rep.bundle_code.c_str(),
                    rep.ballots, rep.seconds);
    }
    if (rep.ok()) {
      std::printf("RECORD VALID %s\n", fp.c_str());
    } else {
      const auto *f = rep.first_failure();
      std::printf("RECORD INVALID: %s: %s\n", f ? f->name.c_str() : "internal",
                  f ? f->detail.c_str() : "the file could not be read to its end");
    }
  }
  return rep.ok() ? 0 : 1;
}
