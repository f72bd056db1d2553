// councilvote-vectors DIR [SAMPLE]: writes the deterministic test vectors as DIR/<name>.json, and
// the sample record file (docs/record.md §5, tools/record_synth.hpp sample_record_spec) as SAMPLE,
// by default DIR/../record-sample.jsonl: `councilvote-vectors docs/test-vectors` regenerates both.
#include "councilvote/crypto/init.hpp"
#include "record_synth.hpp"
#include "vectors.hpp"

#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>

int main(int argc, char **argv) {
  if (argc != 2 && argc != 3) {
    std::fprintf(stderr, "usage: councilvote-vectors OUTPUT_DIR [RECORD_SAMPLE_FILE]\n");
    return 2;
  }
  if (auto r = cv::crypto::init(); !r) {
    std::fprintf(stderr, "self-test failed: %s\n", r.error().message.c_str());
    return 1;
  }
  for (const auto &name : cv::tools::vector_names()) {
    const std::string path = std::string(argv[1]) + "/" + name + ".json";
    std::ofstream out(path);
    out << cv::tools::generate_vectors(name).dump(2) << "\n";
    if (!out) {
      std::fprintf(stderr, "cannot write %s\n", path.c_str());
      return 1;
    }
    std::printf("wrote %s\n", path.c_str());
  }
  auto dir = std::filesystem::absolute(argv[1]).lexically_normal();
  if (!dir.has_filename()) dir = dir.parent_path(); // "docs/test-vectors/"
  const auto sample = argc == 3 ? std::filesystem::path(argv[2]) : dir.parent_path() / "record-sample.jsonl";
  try {
    const auto rec = cv::tools::synthesize(cv::tools::sample_record_spec());
    const auto fp = cv::tools::write_record_file(rec, sample);
    std::printf("wrote %s (record file, fingerprint %s)\n", sample.string().c_str(),
                cv::crypto::to_hex(fp).c_str());
  } catch (const std::exception &e) {
    std::fprintf(stderr, "the record sample: %s\n", e.what());
    return 1;
  }
  return 0;
}
