// The one Result of CouncilVote, in the style of std::expected (the project does not use
// std::expected): a value of T or an error of E. It is defined here, in the lowest layer; each layer
// keeps its own error type E and names its Result with an alias (protocol::Result<T> is
// Result<T, protocol::Error>, schema::Result<T> is Result<T, schema::Error>).
#pragma once

#include <optional>
#include <utility>
#include <variant>

namespace cv::crypto {

struct Error;

template <class T, class E = Error> class [[nodiscard]] Result {
public:
  Result(T value) : v_(std::move(value)) {} // NOLINT: implicit like std::expected
  Result(E error) : v_(std::move(error)) {} // NOLINT
  [[nodiscard]] bool has_value() const noexcept { return v_.index() == 0; }
  explicit operator bool() const noexcept { return has_value(); }
  T &value() & { return std::get<0>(v_); }
  const T &value() const & { return std::get<0>(v_); }
  T &&value() && { return std::get<0>(std::move(v_)); }
  T &operator*() & { return value(); }
  const T &operator*() const & { return value(); }
  T *operator->() { return &value(); }
  const T *operator->() const { return &value(); }
  E &error() & { return std::get<1>(v_); }
  const E &error() const & { return std::get<1>(v_); }

private:
  std::variant<T, E> v_;
};

template <class E> class [[nodiscard]] Result<void, E> {
public:
  Result() = default;
  Result(E error) : err_(std::move(error)) {} // NOLINT
  [[nodiscard]] bool has_value() const noexcept { return !err_; }
  explicit operator bool() const noexcept { return has_value(); }
  E &error() & { return *err_; }
  const E &error() const & { return *err_; }

private:
  std::optional<E> err_;
};

} // namespace cv::crypto
