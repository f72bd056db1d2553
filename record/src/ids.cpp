#include "councilvote/record/ids.hpp"

#include <string>

namespace cv::record {

Result<void> check_id_syntax(std::string_view s, std::size_t max_length, std::string_view what) {
  if (s.empty()) return make_error(Errc::bad_field, std::string(what) + " is empty");
  if (s.size() > max_length)
    return make_error(Errc::bad_field,
                      std::string(what) + " longer than " + std::to_string(max_length) + " characters");
  auto alnum = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  };
  if (!alnum(s.front()))
    return make_error(Errc::bad_field, std::string(what) + " must start with a letter or digit");
  for (char c : s)
    if (!alnum(c) && c != '.' && c != '_' && c != '-')
      return make_error(Errc::bad_field, std::string(what) + " may contain only A-Z a-z 0-9 . _ -");
  return {};
}

} // namespace cv::record
