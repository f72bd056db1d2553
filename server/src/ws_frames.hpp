// The server's own reader of a client's WebSocket frames (RFC 6455 §5), in place of QWebSocket's:
// QWebSocket decodes text to UTF-16 and drops a byte-order mark at the start of every message, so
// the server could neither see the bytes that were sent (docs/wire.md §3.1) nor count them as they
// arrive. The reader is fed the raw bytes of the TLS stream and reports, in order: the unmasked
// payload bytes of data frames as they arrive, the end of each message, and control frames. QWebSocket
// still does the handshake (through QWebSocketServer) and writes the server's own frames.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <array>
#include <cstdint>

namespace cv::server {

class FrameSink {
public:
  virtual ~FrameSink() = default;
  // Unmasked payload bytes of a text (or binary) message, as they arrive.
  virtual void on_data(QByteArrayView bytes, bool binary) = 0;
  virtual void on_message_end() = 0;
  virtual void on_ping(const QByteArray &payload) = 0;
  virtual void on_pong() = 0;
  virtual void on_close(std::uint16_t code) = 0;
  // A violation of RFC 6455 (close 1002) or a frame over the size limit (close 1009): the reader
  // reads nothing more.
  virtual void on_error(std::uint16_t close_code, const QString &reason) = 0;
};

class FrameReader {
public:
  // Feeds the next bytes of the stream. `max_frame` bounds one data frame's payload, checked when
  // its header is read (before any of the payload is held). Stops at the first error.
  void feed(QByteArrayView bytes, std::uint64_t max_frame, FrameSink &sink);
  [[nodiscard]] bool failed() const noexcept { return failed_; }

private:
  enum class State { header, length16, length64, mask, payload };
  void fail(FrameSink &sink, std::uint16_t code, const QString &reason);
  void frame_done(FrameSink &sink);

  State state_ = State::header;
  QByteArray pending_; // header bytes not yet complete
  std::uint8_t opcode_ = 0;
  bool fin_ = false;
  std::uint64_t length_ = 0;
  std::uint64_t read_ = 0; // payload bytes of the current frame consumed
  std::array<char, 4> mask_{};
  QByteArray control_;      // a control frame's payload (at most 125 bytes)
  bool in_message_ = false; // a data message was started and not finished
  bool binary_ = false;
  bool failed_ = false;
};

} // namespace cv::server
