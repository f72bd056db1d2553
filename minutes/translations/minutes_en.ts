<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi">
<context>
    <name>Minutes</name>
    <message>
        <source>%1 (có mặt)</source>
        <comment>a rule counted on the members present</comment>
        <translation>%1 (of those present)</translation>
    </message>
    <message>
        <source>Đạt</source>
        <translation>Passed</translation>
    </message>
    <message>
        <source>Không đạt</source>
        <translation>Not passed</translation>
    </message>
    <message>
        <source>Không đủ túc số</source>
        <translation>No quorum</translation>
    </message>
    <message>
        <source>Bằng phiếu — Chủ tọa quyết định</source>
        <translation>Tied — for the Chair to decide</translation>
    </message>
    <message>
        <source>%1 (Chủ tọa quyết định)</source>
        <comment>an outcome the Chair&apos;s decision gave</comment>
        <translation>%1 (the Chair&apos;s decision)</translation>
    </message>
    <message>
        <source>thành viên số %1</source>
        <translation>member no. %1</translation>
    </message>
    <message>
        <source>&apos;ngày&apos; d &apos;tháng&apos; M &apos;năm&apos; yyyy</source>
        <comment>QDate format of a date</comment>
        <translation>d MMMM yyyy</translation>
    </message>
    <message>
        <source>%1 giờ %2 phút %3 (giờ Việt Nam, UTC+07:00)</source>
        <comment>hours, minutes, date</comment>
        <translation>%1:%2 on %3 (Viet Nam time, UTC+07:00)</translation>
    </message>
    <message>
        <source>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</source>
        <translation>SOCIALIST REPUBLIC OF VIET NAM</translation>
    </message>
    <message>
        <source>Độc lập - Tự do - Hạnh phúc</source>
        <translation>Independence - Freedom - Happiness</translation>
    </message>
    <message>
        <source>BIÊN BẢN KIỂM PHIẾU</source>
        <translation>MINUTES OF THE VOTE COUNT</translation>
    </message>
    <message>
        <source>Biên bản kiểm phiếu — %1</source>
        <translation>Minutes of the vote count — %1</translation>
    </message>
    <message>
        <source>Hội đồng: %1. Kỳ họp: %2.</source>
        <translation>Council: %1. Session: %2.</translation>
    </message>
    <message>
        <source>Thời gian: %1. Địa điểm: %2.</source>
        <translation>Date: %1. Place: %2.</translation>
    </message>
    <message>
        <source>Chủ tọa: %1. Thư ký: %2.</source>
        <translation>Chair: %1. Secretary: %2.</translation>
    </message>
    <message>
        <source>Ban kiểm phiếu (các thành viên giữ khóa giải mã chung): %1.</source>
        <translation>Vote-counting committee (the members who jointly hold the decryption key): %1.</translation>
    </message>
    <message>
        <source>Tổng số thành viên hội đồng: %1; có mặt: %2; vắng mặt: %3%4; bỏ phiếu từ xa (bằng văn bản): %5%6.</source>
        <translation>Members of the council: %1; present: %2; absent: %3%4; voting remotely (in writing): %5%6.</translation>
    </message>
    <message>
        <source>Số phiếu phát ra: %1; số phiếu thu vào: %2; số phiếu hợp lệ: %3.</source>
        <translation>Ballots issued: %1; ballots received: %2; valid ballots: %3.</translation>
    </message>
    <message>
        <source>I. TỔNG HỢP KẾT QUẢ</source>
        <translation>I. SUMMARY OF THE RESULTS</translation>
    </message>
    <message>
        <source>II. KẾT QUẢ THEO TỪNG ĐỀ NGHỊ</source>
        <translation>II. RESULTS BY NOMINEE</translation>
    </message>
    <message>
        <source>Danh hiệu</source>
        <translation>Award</translation>
    </message>
    <message>
        <source>Số đề nghị</source>
        <translation>Nominees</translation>
    </message>
    <message>
        <source>Bằng phiếu tại chỉ tiêu (Chủ tọa quyết định)</source>
        <translation>Tied at the quota (the Chair decides)</translation>
    </message>
    <message>
        <source>Cột “Bằng phiếu” đếm các đề nghị có số phiếu đồng ý bằng nhau tại ngưỡng chỉ tiêu; khi Chủ tọa đã quyết định, các đề nghị đó cũng được tính ở cột “Đạt” hoặc “Không đạt”.</source>
        <translation>The column “Tied” counts the nominees with equal agree votes at the quota line; once the Chair has decided, they are also counted as “Passed” or “Not passed”.</translation>
    </message>
    <message>
        <source>STT</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Họ và tên, chức vụ, đơn vị</source>
        <translation>Name, position, unit</translation>
    </message>
    <message>
        <source>Đồng ý</source>
        <translation>Agree</translation>
    </message>
    <message>
        <source>Không đồng ý</source>
        <translation>Disagree</translation>
    </message>
    <message>
        <source>Để trống</source>
        <translation>Blank</translation>
    </message>
    <message>
        <source>Không bỏ phiếu</source>
        <translation>Not voted</translation>
    </message>
    <message>
        <source>Tỷ lệ đồng ý / tổng số</source>
        <translation>Agree / all members</translation>
    </message>
    <message>
        <source>Quy định</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>Kết quả</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Thứ hạng / chỉ tiêu</source>
        <translation>Rank / quota</translation>
    </message>
    <message>
        <source>Danh hiệu: </source>
        <translation>Award: </translation>
    </message>
    <message>
        <source>Kết quả kiểm phiếu được công bố lúc %1.</source>
        <translation>The result of the vote count was announced at %1.</translation>
    </message>
    <message>
        <source>Biên bản này được lập từ tệp hồ sơ kết quả đã được kiểm tra (đính kèm trong tệp PDF); mọi số liệu trên đây có thể kiểm tra lại từ tệp đó.</source>
        <translation>These minutes were made from the verified result record file (attached to this PDF); every figure above can be checked again from that file.</translation>
    </message>
    <message>
        <source>T/M BAN KIỂM PHIẾU</source>
        <translation>FOR THE VOTE-COUNTING COMMITTEE</translation>
    </message>
    <message>
        <source>THƯ KÝ</source>
        <translation>SECRETARY</translation>
    </message>
    <message>
        <source>CHỦ TỌA</source>
        <translation>CHAIR</translation>
    </message>
    <message>
        <source>(Ký, ghi rõ họ tên)</source>
        <translation>(Signature and full name)</translation>
    </message>
    <message>
        <source>Dấu vân tay (fingerprint) của tệp hồ sơ kết quả đính kèm trong tệp PDF này:</source>
        <translation>Fingerprint of the result record file attached to this PDF:</translation>
    </message>
    <message>
        <source>Kiểm tra: councilvote-verify &lt;tệp PDF này&gt;</source>
        <translation>To check: councilvote-verify &lt;this PDF file&gt;</translation>
    </message>
    <message>
        <source>Trang </source>
        <translation>Page </translation>
    </message>
    <message>
        <source>%1 (thành viên số %2)</source>
        <comment>a trustee: name, member number</comment>
        <translation>%1 (member no. %2)</translation>
    </message>
    <message>
        <source>,</source>
        <comment>the decimal separator of a percentage</comment>
        <translation>.</translation>
    </message>
    <message>
        <source>Tỷ lệ đồng ý tính trên tổng số %1 thành viên hội đồng, làm tròn đến hai chữ số thập phân theo quy tắc làm tròn nửa lên (tính chính xác trên số nguyên; ví dụ 20/22 = %2). Kết quả đạt hay không đạt được xác định bằng phân số chính xác, không theo số đã làm tròn.</source>
        <translation>The agree share is of all %1 members of the council, rounded half up to two decimals (computed exactly on integers; for example 20/22 = %2). Whether a nominee passes is decided on the exact fraction, never on the rounded figure.</translation>
    </message>
    <message>
        <source>Chủ tọa %1 quyết định danh hiệu “%2” thuộc về: %3 (bút toán số %4 trên bảng tin, có chữ ký của Chủ tọa).</source>
        <translation>The Chair, %1, decided that the award “%2” goes to: %3 (entry %4 of the bulletin board, signed by the Chair).</translation>
    </message>
</context>
</TS>
