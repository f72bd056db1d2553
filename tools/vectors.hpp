// Deterministic test vectors (docs/test-vectors/, docs/protocol.md §15): every value derives from
// fixed seed labels through DeterministicRng, so regenerating gives the same bytes.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace cv::tools {

[[nodiscard]] const std::vector<std::string> &vector_names(); // schnorr, disjunctive, ceremony, ballot, tally
[[nodiscard]] nlohmann::ordered_json generate_vectors(const std::string &name);

} // namespace cv::tools
