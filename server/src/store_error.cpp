#include "councilvote/server/store_error.hpp"

namespace cv::server {

protocol::Error store_error(const schema::Error &e, std::initializer_list<StoreErrorAs> expected) {
  for (const auto &as : expected)
    if (as.store == e.code) return protocol::make_error(as.wire, as.message.empty() ? e.message : as.message);
  return protocol::make_error(protocol::ErrorCode::internal,
                              "storage (" + std::string(schema::errc_name(e.code)) + "): " + e.message);
}

} // namespace cv::server
