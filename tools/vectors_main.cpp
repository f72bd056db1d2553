// councilvote-vectors DIR: writes the deterministic test vectors as DIR/<name>.json.
#include "councilvote/crypto/init.hpp"
#include "vectors.hpp"

#include <cstdio>
#include <fstream>

int main(int argc, char **argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: councilvote-vectors OUTPUT_DIR\n");
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
  return 0;
}
