#include "councilvote/protocol/record_file.hpp"

namespace cv::protocol {

record::Bundle to_record(const EnrollmentBundle &b) {
  return record::Bundle{b.meeting.str(),   b.server.host, b.server.port, b.min_ballots,
                        b.tls_cert_sha256, b.server_key,  b.sig};
}

record::RecordStatement to_record(const RecordStatement &s) {
  return record::RecordStatement{s.meeting.str(),  s.poll.str(), s.record_digest, s.board_seq, s.board_head,
                                 s.server_time_ms, s.sig};
}

} // namespace cv::protocol
