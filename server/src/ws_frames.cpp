// The server's reader of client WebSocket frames (RFC 6455 §5.2): see ws_frames.hpp.
#include "ws_frames.hpp"

#include <algorithm>

namespace cv::server {

namespace {

constexpr std::uint8_t kContinuation = 0x0, kText = 0x1, kBinary = 0x2, kClose = 0x8, kPing = 0x9,
                       kPong = 0xA;
constexpr std::uint16_t kProtocolError = 1002, kTooBig = 1009;

std::uint8_t byte(const QByteArray &b, qsizetype i) { return static_cast<std::uint8_t>(b[i]); }

} // namespace

void FrameReader::fail(FrameSink &sink, std::uint16_t code, const QString &reason) {
  failed_ = true;
  sink.on_error(code, reason);
}

void FrameReader::feed(QByteArrayView bytes, std::uint64_t max_frame, FrameSink &sink) {
  qsizetype at = 0;
  const qsizetype n = bytes.size();
  while (!failed_ && at < n) {
    switch (state_) {
    case State::header: {
      pending_.append(bytes[at++]);
      if (pending_.size() < 2) break;
      const std::uint8_t b0 = byte(pending_, 0), b1 = byte(pending_, 1);
      pending_.clear();
      fin_ = (b0 & 0x80) != 0;
      opcode_ = b0 & 0x0f;
      if ((b0 & 0x70) != 0) return fail(sink, kProtocolError, QStringLiteral("reserved bits set"));
      if ((b1 & 0x80) == 0)
        return fail(sink, kProtocolError, QStringLiteral("a client frame must be masked"));
      const bool control = (opcode_ & 0x08) != 0;
      if (control) {
        if (opcode_ != kClose && opcode_ != kPing && opcode_ != kPong)
          return fail(sink, kProtocolError, QStringLiteral("unknown control opcode"));
        if (!fin_) return fail(sink, kProtocolError, QStringLiteral("a fragmented control frame"));
        if ((b1 & 0x7f) > 125)
          return fail(sink, kProtocolError, QStringLiteral("a control frame over 125 bytes"));
      } else if (opcode_ == kContinuation) {
        if (!in_message_) return fail(sink, kProtocolError, QStringLiteral("a continuation with no message"));
      } else if (opcode_ == kText || opcode_ == kBinary) {
        if (in_message_)
          return fail(sink, kProtocolError, QStringLiteral("a new message inside a fragmented one"));
      } else {
        return fail(sink, kProtocolError, QStringLiteral("unknown opcode"));
      }
      length_ = b1 & 0x7f;
      state_ = length_ == 126 ? State::length16 : length_ == 127 ? State::length64 : State::mask;
      break;
    }
    case State::length16:
    case State::length64: {
      pending_.append(bytes[at++]);
      const qsizetype need = state_ == State::length16 ? 2 : 8;
      if (pending_.size() < need) break;
      length_ = 0;
      for (qsizetype i = 0; i < need; ++i) length_ = (length_ << 8) | byte(pending_, i);
      pending_.clear();
      if (state_ == State::length64 && (length_ >> 63) != 0)
        return fail(sink, kProtocolError, QStringLiteral("a 64-bit length with the top bit set"));
      state_ = State::mask;
      break;
    }
    case State::mask: {
      pending_.append(bytes[at++]);
      if (pending_.size() < 4) break;
      std::copy_n(pending_.constData(), 4, mask_.begin());
      pending_.clear();
      read_ = 0;
      const bool control = (opcode_ & 0x08) != 0;
      if (!control && length_ > max_frame)
        return fail(
            sink, kTooBig,
            QStringLiteral("a frame of %1 bytes is over the limit of %2").arg(length_).arg(max_frame));
      if (!control && opcode_ != kContinuation) {
        in_message_ = true;
        binary_ = opcode_ == kBinary;
      }
      control_.clear();
      state_ = State::payload;
      if (length_ == 0) frame_done(sink);
      break;
    }
    case State::payload: {
      const auto take = static_cast<qsizetype>(
          std::min<std::uint64_t>(length_ - read_, static_cast<std::uint64_t>(n - at)));
      QByteArray chunk(bytes.data() + at, take);
      for (qsizetype i = 0; i < take; ++i)
        chunk[i] = static_cast<char>(
            chunk[i] ^ mask_[static_cast<std::size_t>((read_ + static_cast<std::uint64_t>(i)) % 4)]);
      at += take;
      read_ += static_cast<std::uint64_t>(take);
      if ((opcode_ & 0x08) != 0)
        control_.append(chunk);
      else if (take > 0)
        sink.on_data(chunk, binary_);
      if (failed_) return;
      if (read_ == length_) frame_done(sink);
      break;
    }
    }
  }
}

void FrameReader::frame_done(FrameSink &sink) {
  state_ = State::header;
  switch (opcode_) {
  case kPing:
    return sink.on_ping(control_);
  case kPong:
    return sink.on_pong();
  case kClose: {
    std::uint16_t code = 1005; // no status received
    if (control_.size() == 1) return fail(sink, kProtocolError, QStringLiteral("a close frame of one byte"));
    if (control_.size() >= 2) code = static_cast<std::uint16_t>((byte(control_, 0) << 8) | byte(control_, 1));
    failed_ = true; // nothing is read after a close
    return sink.on_close(code);
  }
  default:
    if (fin_) {
      in_message_ = false;
      sink.on_message_end();
    }
  }
}

} // namespace cv::server
