// The text the schema stores for each enumeration (the values of its CHECK constraints): the
// domain's one table per enum (record/enums.hpp, record/board.hpp).
#pragma once

#include "councilvote/record/board.hpp"
#include "councilvote/record/enums.hpp"
#include "councilvote/schema/error.hpp"

#include <string>
#include <string_view>

namespace cv::schema::detail {

using record::name;

// The enumerator stored as `text`; an unknown text means the file was altered behind the schema.
template <class E> Result<E> parse(const std::string &text) {
  if (auto v = record::parse<E>(text)) return *v;
  return Error{Errc::io, "unknown value '" + text + "' in the database", std::nullopt};
}

} // namespace cv::schema::detail
