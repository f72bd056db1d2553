#include "councilvote/protocol/record_file.hpp"

namespace cv::protocol {

record::Bundle to_record(const EnrollmentBundle &b) {
  return record::Bundle{b.meeting.str(),   b.server.host, b.server.port, b.min_ballots,
                        b.tls_cert_sha256, b.server_key,  b.sig};
}

} // namespace cv::protocol
