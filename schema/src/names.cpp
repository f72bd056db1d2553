#include "names.hpp"

#include "councilvote/schema/board.hpp"
#include "councilvote/schema/ceremony.hpp"
#include "councilvote/schema/error.hpp"
#include "councilvote/schema/poll.hpp"
#include "councilvote/schema/roster.hpp"

namespace cv::schema {

std::string_view to_string(Attendance a) noexcept { return detail::name(a); }
std::string_view to_string(CeremonyState s) noexcept { return detail::name(s); }
std::string_view to_string(CeremonyMessageKind k) noexcept { return detail::name(k); }
std::string_view to_string(PollState s) noexcept { return detail::name(s); }
std::string_view to_string(Channel c) noexcept { return detail::name(c); }
std::string_view to_string(Outcome o) noexcept { return detail::name(o); }
std::string_view to_string(BoardKind k) noexcept { return detail::name(k); }

const char *errc_name(Errc c) noexcept {
  switch (c) {
  case Errc::invalid_argument:
    return "invalid_argument";
  case Errc::not_found:
    return "not_found";
  case Errc::conflict:
    return "conflict";
  case Errc::duplicate_ballot:
    return "duplicate_ballot";
  case Errc::invalid_state:
    return "invalid_state";
  case Errc::append_only:
    return "append_only";
  case Errc::schema_too_new:
    return "schema_too_new";
  case Errc::busy:
    return "busy";
  case Errc::io:
    return "io";
  }
  return "unknown";
}

} // namespace cv::schema
