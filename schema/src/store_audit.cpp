// The audit log: appended by every state change, and by the server for its other events.
#include "councilvote/schema/store.hpp"
#include "sqlite.hpp"

namespace cv::schema {

using namespace detail;

Result<void> Store::append_audit(std::string_view actor, std::string_view action, std::string_view text) {
  return write(db(), actor, action, [&](const Tx &tx) { return tx.audit(std::string(text)); });
}

Result<std::vector<AuditEntry>> Store::audit_log(std::int64_t after_id, std::uint32_t max_entries) const {
  return read(db(), "audit_log", [&] {
    return collect<AuditEntry>(
        query(db(),
              "SELECT audit_id, at, actor, action, detail FROM audit_log"
              " WHERE audit_id > ?1 ORDER BY audit_id LIMIT ?2",
              after_id, max_entries),
        [](const Statement &st) -> Result<AuditEntry> {
          return AuditEntry{st.integer(0), st.text(1), st.text(2), st.text(3), st.text(4)};
        });
  });
}

} // namespace cv::schema
