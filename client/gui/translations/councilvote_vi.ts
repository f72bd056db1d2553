<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
<context>
    <name>Dialogs</name>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Look in:</source>
        <translation>Thư mục:</translation>
    </message>
    <message>
        <source>File name:</source>
        <translation>Tên tệp:</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>Loại tệp:</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>This is not the meeting's server: its certificate does not match the fingerprint in your enrollment bundle. The program does not connect to it, and there is no way to connect anyway. Tell the secretary at once.</source>
        <translation>Đây không phải máy chủ của kỳ họp: chứng chỉ của nó không khớp với dấu vân tay trong gói đăng ký của bạn. Chương trình không kết nối tới máy chủ này và không có cách nào để kết nối bất chấp. Hãy báo ngay cho thư ký.</translation>
    </message>
    <message>
        <source>The meeting's server cannot be reached. Check the network cable or Wi-Fi and try again; nothing has been lost.</source>
        <translation>Không liên lạc được với máy chủ của kỳ họp. Hãy kiểm tra cáp mạng hoặc Wi-Fi rồi thử lại; không có gì bị mất.</translation>
    </message>
    <message>
        <source>Your identity could not be created (the key file could not be written). Check that the folder is writable and try again.</source>
        <translation>Không tạo được danh tính (không ghi được tệp khóa). Hãy kiểm tra thư mục có ghi được không rồi thử lại.</translation>
    </message>
    <message>
        <source>The passphrase is not right, or the key file is damaged. Type the passphrase again.</source>
        <translation>Cụm mật khẩu không đúng, hoặc tệp khóa bị hỏng. Hãy gõ lại cụm mật khẩu.</translation>
    </message>
    <message>
        <source>The answer to your ballot did not arrive. Your ballot is kept on this computer: press "Try again" and the same ballot is sent again. It is never counted twice.</source>
        <translation>Chưa nhận được trả lời cho lá phiếu của bạn. Lá phiếu vẫn được lưu trên máy này: bấm “Thử lại” để gửi lại đúng lá phiếu đó. Phiếu không bao giờ bị tính hai lần.</translation>
    </message>
    <message>
        <source>Your ballot is NOT on the bulletin board. Keep your receipt file and tell the vote-counting committee (Ban kiểm phiếu) and the secretary at once.</source>
        <translation>Lá phiếu của bạn KHÔNG có trên bảng tin công khai. Hãy giữ tệp biên nhận và báo ngay cho Ban kiểm phiếu và thư ký.</translation>
    </message>
    <message>
        <source>The bulletin board does not show your ballot as it should. Keep your receipt file and tell the vote-counting committee (Ban kiểm phiếu) and the secretary at once.</source>
        <translation>Bảng tin công khai không cho thấy lá phiếu của bạn đúng như lẽ ra phải có. Hãy giữ tệp biên nhận và báo ngay cho Ban kiểm phiếu và thư ký.</translation>
    </message>
    <message>
        <source>The server does not know your key yet. Give your public key to the secretary and try again once it is registered.</source>
        <translation>Máy chủ chưa biết khóa của bạn. Hãy đưa khóa công khai cho thư ký và thử lại sau khi khóa đã được đăng ký.</translation>
    </message>
    <message>
        <source>The server already holds a ballot from you in this poll. A ballot cannot be changed or cast twice.</source>
        <translation>Máy chủ đã có lá phiếu của bạn trong cuộc bỏ phiếu này. Không thể thay đổi phiếu hay bỏ phiếu hai lần.</translation>
    </message>
    <message>
        <source>Voting in this poll has not started yet.</source>
        <translation>Cuộc bỏ phiếu này chưa bắt đầu.</translation>
    </message>
    <message>
        <source>This poll is closed: no more ballots are accepted.</source>
        <translation>Cuộc bỏ phiếu này đã kết thúc: không nhận thêm phiếu.</translation>
    </message>
    <message>
        <source>You are not marked present (or voting remotely) in this poll. Ask the secretary.</source>
        <translation>Bạn chưa được ghi nhận là có mặt (hoặc bỏ phiếu từ xa) trong cuộc bỏ phiếu này. Hãy hỏi thư ký.</translation>
    </message>
    <message>
        <source>The remote voting window is not open now. Remote members vote within the times the secretary announced.</source>
        <translation>Hiện không trong thời gian bỏ phiếu từ xa. Thành viên vắng mặt bỏ phiếu trong khoảng thời gian thư ký đã thông báo.</translation>
    </message>
    <message>
        <source>The server is busy. Wait a moment and try again.</source>
        <translation>Máy chủ đang bận. Hãy chờ một lát rồi thử lại.</translation>
    </message>
    <message>
        <source>The server refused the ballot as invalid. Nothing was counted. Tell the secretary.</source>
        <translation>Máy chủ từ chối lá phiếu vì không hợp lệ. Không có gì được tính. Hãy báo thư ký.</translation>
    </message>
    <message>
        <source>The server's answer did not pass this program's checks. Do not go on; tell the secretary and the vote-counting committee.</source>
        <translation>Trả lời của máy chủ không qua được các bước kiểm tra của chương trình. Đừng tiếp tục; hãy báo thư ký và Ban kiểm phiếu.</translation>
    </message>
    <message>
        <source>Your ballot could not be made: this key is not on the poll's list of voters. Check with the secretary that your key was registered.</source>
        <translation>Không tạo được lá phiếu: khóa này không có trong danh sách cử tri của cuộc bỏ phiếu. Hãy hỏi thư ký xem khóa của bạn đã được đăng ký chưa.</translation>
    </message>
    <message>
        <source>The operation did not succeed. Try again; if it fails again, tell the secretary.</source>
        <translation>Thao tác không thành công. Hãy thử lại; nếu vẫn không được, hãy báo thư ký.</translation>
    </message>
    <message>
        <source>Error code: %1</source>
        <translation>Mã lỗi: %1</translation>
    </message>
    <message>
        <source> (check: %1)</source>
        <translation> (bước kiểm tra: %1)</translation>
    </message>
    <message>
        <source>This bundle has been altered: its signature does not verify. Do not use it; ask the secretary for the bundle again.</source>
        <translation>Gói đăng ký này đã bị sửa đổi: chữ ký của nó không hợp lệ. Đừng dùng gói này; hãy xin lại thư ký gói đăng ký.</translation>
    </message>
    <message>
        <source>This is not a valid enrollment bundle. Check that you opened the right file, or that you pasted the whole text (it starts with CV2:).</source>
        <translation>Đây không phải là gói đăng ký hợp lệ. Hãy kiểm tra bạn đã mở đúng tệp, hoặc đã dán đủ toàn bộ văn bản (bắt đầu bằng CV2:).</translation>
    </message>
    <message>
        <source>This key is not one of the vote-counting committee's in this ceremony. Check with the secretary which keys were named as trustees.</source>
        <translation>Khóa này không thuộc Ban kiểm phiếu trong lễ tạo khóa này. Hãy hỏi thư ký những khóa nào đã được chỉ định vào Ban kiểm phiếu.</translation>
    </message>
    <message>
        <source>The key ceremony on the server does not agree with what this computer holds. Do not go on; tell the secretary, who starts a new ceremony.</source>
        <translation>Lễ tạo khóa trên máy chủ không khớp với dữ liệu trên máy này. Đừng tiếp tục; hãy báo thư ký để bắt đầu một lễ tạo khóa mới.</translation>
    </message>
    <message>
        <source>Your ceremony file could not be written and read back on this computer. Check that the folder is writable; nothing has been sent.</source>
        <translation>Không ghi và đọc lại được tệp lễ tạo khóa trên máy này. Hãy kiểm tra thư mục có ghi được không; chưa có gì được gửi đi.</translation>
    </message>
    <message>
        <source>The server's tally is not the sum of the ballots on the board. Do not decrypt; tell the secretary and the other members of the committee at once.</source>
        <translation>Tổng phiếu của máy chủ không bằng tổng các lá phiếu trên bảng tin. Đừng giải mã; hãy báo ngay cho thư ký và các thành viên khác của Ban kiểm phiếu.</translation>
    </message>
    <message>
        <source>Too few ballots were cast: decrypting this tally would reveal how individual members voted. It is not decrypted.</source>
        <translation>Có quá ít lá phiếu: giải mã tổng này sẽ làm lộ cách từng thành viên đã bỏ phiếu. Tổng này không được giải mã.</translation>
    </message>
    <message>
        <source>Your key share of this ceremony could not be opened: the file is missing or the passphrase is not right. Nothing was sent.</source>
        <translation>Không mở được phần khóa của bạn trong lễ tạo khóa này: thiếu tệp hoặc cụm mật khẩu không đúng. Chưa có gì được gửi đi.</translation>
    </message>
    <message>
        <source>This passphrase does not open your key file, or your ceremony file is damaged. Type the passphrase of your key file; nothing has been sent.</source>
        <translation>Cụm mật khẩu này không mở được tệp khóa của bạn, hoặc tệp lễ tạo khóa bị hỏng. Hãy gõ cụm mật khẩu của tệp khóa; chưa có gì được gửi đi.</translation>
    </message>
</context>
<context>
    <name>cv::gui::BundleScreen</name>
    <message>
        <source>The bundle was not kept. Ask the secretary for the right one: a bundle whose code differs may lead you to another server.</source>
        <translation>Gói đăng ký không được lưu. Hãy xin thư ký gói đúng: một gói có mã khác có thể dẫn bạn tới máy chủ khác.</translation>
    </message>
    <message>
        <source>Open the enrollment bundle</source>
        <translation>Mở gói đăng ký</translation>
    </message>
    <message>
        <source>Enrollment bundles (*.json *.txt);;All files (*)</source>
        <translation>Gói đăng ký (*.json *.txt);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>The file cannot be read as a bundle: %1</source>
        <translation>Không đọc được tệp này như một gói đăng ký: %1</translation>
    </message>
    <message>
        <source>This text is too long to be a bundle.</source>
        <translation>Văn bản này quá dài, không thể là gói đăng ký.</translation>
    </message>
    <message>
        <source>Enrollment bundle</source>
        <translation>Gói đăng ký</translation>
    </message>
    <message>
        <source>The secretary gives every member the meeting's enrollment bundle: a file, or a text that starts with CV2:. It tells this program which server to trust.</source>
        <translation>Thư ký đưa cho mỗi thành viên gói đăng ký của kỳ họp: một tệp, hoặc một đoạn văn bản bắt đầu bằng CV2:. Gói này cho chương trình biết máy chủ nào là đáng tin.</translation>
    </message>
    <message>
        <source>Open a file…</source>
        <translation>Mở tệp…</translation>
    </message>
    <message>
        <source>Or paste the text here:</source>
        <translation>Hoặc dán văn bản vào đây:</translation>
    </message>
    <message>
        <source>Enrollment bundle text</source>
        <translation>Văn bản gói đăng ký</translation>
    </message>
    <message>
        <source>Read the pasted text</source>
        <translation>Đọc văn bản đã dán</translation>
    </message>
    <message>
        <source>Meeting: %1</source>
        <translation>Kỳ họp: %1</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Máy chủ: %1</translation>
    </message>
    <message>
        <source>Bundle code %1</source>
        <translation>Mã gói %1</translation>
    </message>
    <message>
        <source>Bundle code:</source>
        <translation>Mã gói đăng ký:</translation>
    </message>
    <message>
        <source>Compare this code, character by character, with the code the secretary reads out or prints on the agenda.</source>
        <translation>Hãy so từng ký tự của mã này với mã thư ký đọc hoặc in trên chương trình họp.</translation>
    </message>
    <message>
        <source>The codes match — use this bundle</source>
        <translation>Mã khớp — dùng gói này</translation>
    </message>
    <message>
        <source>They do not match</source>
        <translation>Mã không khớp</translation>
    </message>
</context>
<context>
    <name>cv::gui::ChoiceRow</name>
    <message>
        <source>Blank (not chosen)</source>
        <translation>Để trống (chưa chọn)</translation>
    </message>
    <message>
        <source>Agree</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Disagree</source>
        <translation>Không đồng ý</translation>
    </message>
    <message>
        <source>Blank</source>
        <translation>Để trống</translation>
    </message>
    <message>
        <source>Award: %1</source>
        <translation>Hình thức: %1</translation>
    </message>
    <message>
        <source>Leave blank</source>
        <translation>Để trống</translation>
    </message>
    <message>
        <source>%1: %2 (nominee %3)</source>
        <translation>%1: %2 (người/tập thể số %3)</translation>
    </message>
</context>
<context>
    <name>cv::gui::IdentityScreen</name>
    <message>
        <source>Too short: at least %1 characters. A sentence of several words is best.</source>
        <translation>Quá ngắn: cần ít nhất %1 ký tự. Tốt nhất là một câu gồm nhiều từ.</translation>
    </message>
    <message>
        <source>Weak: easy to guess. Add more words.</source>
        <translation>Yếu: dễ đoán. Hãy thêm từ.</translation>
    </message>
    <message>
        <source>Fair: one or two more words would make it strong.</source>
        <translation>Khá: thêm một hai từ nữa sẽ mạnh.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Mạnh.</translation>
    </message>
    <message>
        <source>The two entries differ.</source>
        <translation>Hai lần gõ không giống nhau.</translation>
    </message>
    <message>
        <source>Type your name (as on the council's list).</source>
        <translation>Hãy gõ họ tên của bạn (như trong danh sách Hội đồng).</translation>
    </message>
    <message>
        <source>The passphrase is too short: at least %1 characters.</source>
        <translation>Cụm mật khẩu quá ngắn: cần ít nhất %1 ký tự.</translation>
    </message>
    <message>
        <source>The two passphrases differ. Type them again.</source>
        <translation>Hai cụm mật khẩu không giống nhau. Hãy gõ lại.</translation>
    </message>
    <message>
        <source>Create your identity</source>
        <translation>Tạo danh tính của bạn</translation>
    </message>
    <message>
        <source>This computer makes your voting key. The key never leaves this computer; it is sealed with a passphrase that only you know. Choose a passphrase of several words that you will remember: nobody can recover it for you.</source>
        <translation>Máy tính này tạo khóa bỏ phiếu của bạn. Khóa không bao giờ rời khỏi máy; nó được niêm phong bằng một cụm mật khẩu chỉ bạn biết. Hãy chọn một cụm mật khẩu gồm nhiều từ mà bạn sẽ nhớ: không ai khôi phục được cho bạn.</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>Họ và tên:</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Cụm mật khẩu:</translation>
    </message>
    <message>
        <source>Passphrase again:</source>
        <translation>Nhập lại cụm mật khẩu:</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Cụm mật khẩu</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Nhập lại cụm mật khẩu</translation>
    </message>
    <message>
        <source>Create identity</source>
        <translation>Tạo danh tính</translation>
    </message>
</context>
<context>
    <name>cv::gui::MainWindow</name>
    <message>
        <source>CouncilVote — member</source>
        <translation>CouncilVote — thành viên Hội đồng</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <source>&amp;Member</source>
        <translation>Thành &amp;viên</translation>
    </message>
    <message>
        <source>My public key</source>
        <translation>Khóa công khai của tôi</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Hiển thị</translation>
    </message>
    <message>
        <source>Text size 100 %</source>
        <translation>Cỡ chữ 100 %</translation>
    </message>
    <message>
        <source>Text size 125 %</source>
        <translation>Cỡ chữ 125 %</translation>
    </message>
    <message>
        <source>Text size 150 %</source>
        <translation>Cỡ chữ 150 %</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Tương phản cao</translation>
    </message>
    <message>
        <source>&amp;Language / Ngôn ngữ</source>
        <translation>&amp;Ngôn ngữ / Language</translation>
    </message>
    <message>
        <source>Vote-counting committee (trustee)…</source>
        <translation>Ban kiểm phiếu…</translation>
    </message>
</context>
<context>
    <name>cv::gui::PollScreen</name>
    <message>
        <source>This poll has a question this version of the program cannot show. Vote with councilvote-cli, or ask the secretary.</source>
        <translation>Cuộc bỏ phiếu này có câu hỏi mà phiên bản này của chương trình chưa hiển thị được. Hãy bỏ phiếu bằng councilvote-cli hoặc hỏi thư ký.</translation>
    </message>
    <message>
        <source>Agree with everyone in this group</source>
        <translation>Đồng ý tất cả trong nhóm</translation>
    </message>
    <message numerus="yes">
        <source>This changes %n choice(s) you already made in this group to "Agree".</source>
        <translation><numerusform>Thao tác này đổi %n lựa chọn bạn đã chọn trong nhóm thành “Đồng ý”.</numerusform></translation>
    </message>
    <message>
        <source>Change them to Agree</source>
        <translation>Đổi thành Đồng ý</translation>
    </message>
    <message>
        <source>Keep my choices</source>
        <translation>Giữ nguyên lựa chọn</translation>
    </message>
    <message>
        <source>%1 / %2 chosen</source>
        <translation>%1 / %2 đã chọn</translation>
    </message>
    <message>
        <source>Early voting for members who are away: open until %1.</source>
        <translation>Bỏ phiếu sớm cho thành viên vắng mặt: mở đến %1.</translation>
    </message>
    <message>
        <source>Voting is open.</source>
        <translation>Đang mở bỏ phiếu.</translation>
    </message>
    <message>
        <source>For each nominee choose Agree, Disagree or Leave blank. A row you do not mark counts as blank, never as Disagree. You can change any choice until you cast.</source>
        <translation>Với mỗi người/tập thể được đề nghị, chọn Đồng ý, Không đồng ý hoặc Để trống. Dòng bạn không đánh dấu được tính là để trống, không bao giờ là Không đồng ý. Bạn có thể sửa mọi lựa chọn cho tới khi bỏ phiếu.</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n nominee(s))</source>
        <translation><numerusform>%1 (%n người/tập thể)</numerusform></translation>
    </message>
    <message>
        <source>Agree with everyone in the group %1</source>
        <translation>Đồng ý tất cả trong nhóm %1</translation>
    </message>
    <message>
        <source>Review my ballot →</source>
        <translation>Xem lại phiếu →</translation>
    </message>
    <message>
        <source>Review my ballot</source>
        <translation>Xem lại phiếu</translation>
    </message>
</context>
<context>
    <name>cv::gui::PublicKeyScreen</name>
    <message>
        <source>The key is copied; paste it where the secretary asks.</source>
        <translation>Đã sao chép khóa; hãy dán vào nơi thư ký yêu cầu.</translation>
    </message>
    <message>
        <source>Save your public key</source>
        <translation>Lưu khóa công khai</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Tệp văn bản (*.txt)</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Đã lưu: %1</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>Không ghi được tệp: %1</translation>
    </message>
    <message>
        <source>Your public key</source>
        <translation>Khóa công khai của bạn</translation>
    </message>
    <message>
        <source>Give this public key to the secretary: read it out, show the QR code, or hand over the file. It is not secret. The secretary registers it for your name; only then can you vote.</source>
        <translation>Hãy đưa khóa công khai này cho thư ký: đọc to, cho quét mã QR, hoặc chuyển tệp. Khóa này không phải bí mật. Thư ký đăng ký nó cho tên của bạn; chỉ khi đó bạn mới bỏ phiếu được.</translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation>Họ tên: %1</translation>
    </message>
    <message>
        <source>Also kept in: %1</source>
        <translation>Cũng được lưu tại: %1</translation>
    </message>
    <message>
        <source>QR code of your public key</source>
        <translation>Mã QR của khóa công khai</translation>
    </message>
    <message>
        <source>Save as a file…</source>
        <translation>Lưu thành tệp…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Sao chép</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Tiếp tục</translation>
    </message>
</context>
<context>
    <name>cv::gui::ReceiptScreen</name>
    <message>
        <source>You have voted</source>
        <translation>Bạn đã bỏ phiếu</translation>
    </message>
    <message>
        <source>Poll: %1</source>
        <translation>Cuộc bỏ phiếu: %1</translation>
    </message>
    <message>
        <source>Your tracking code:</source>
        <translation>Mã theo dõi của bạn:</translation>
    </message>
    <message>
        <source>Tracking code %1</source>
        <translation>Mã theo dõi %1</translation>
    </message>
    <message>
        <source>Full code: %1
Received by the server at %2, bulletin board entry %3.</source>
        <translation>Mã đầy đủ: %1
Máy chủ nhận lúc %2, mục %3 của bảng tin.</translation>
    </message>
    <message>
        <source>Your receipt is saved in: %1</source>
        <translation>Biên nhận của bạn được lưu tại: %1</translation>
    </message>
    <message>
        <source>The code does not show your choices: they stay secret. With it you can check at any time that your ballot is on the public bulletin board, and after the result is published, that it was counted.</source>
        <translation>Mã này không cho biết bạn đã chọn gì: lựa chọn của bạn vẫn bí mật. Với mã này, bạn có thể kiểm tra bất cứ lúc nào rằng lá phiếu của bạn có trên bảng tin công khai, và sau khi công bố kết quả, rằng nó đã được tính.</translation>
    </message>
    <message>
        <source>Check against the published record</source>
        <translation>Kiểm tra với biên bản đã công bố</translation>
    </message>
    <message>
        <source>Check on the bulletin board</source>
        <translation>Kiểm tra trên bảng tin</translation>
    </message>
    <message>
        <source>Found: your ballot is entry %1 of the bulletin board, exactly as you cast it.</source>
        <translation>Đã tìm thấy: lá phiếu của bạn là mục %1 của bảng tin, đúng như bạn đã bỏ.</translation>
    </message>
    <message>
        <source>The published record verifies and counts your ballot.</source>
        <translation>Biên bản đã công bố hợp lệ và có tính lá phiếu của bạn.</translation>
    </message>
    <message>
        <source>The published record does NOT count your ballot as it should (%1). Keep your receipt file and tell the vote-counting committee (Ban kiểm phiếu) and the secretary at once.</source>
        <translation>Biên bản đã công bố KHÔNG tính lá phiếu của bạn như lẽ ra phải có (%1). Hãy giữ tệp biên nhận và báo ngay cho Ban kiểm phiếu và thư ký.</translation>
    </message>
    <message>
        <source>The result is not published yet; check again after publication.</source>
        <translation>Kết quả chưa được công bố; hãy kiểm tra lại sau khi công bố.</translation>
    </message>
</context>
<context>
    <name>cv::gui::ReviewScreen</name>
    <message>
        <source>Cast your ballot</source>
        <translation>Bỏ phiếu</translation>
    </message>
    <message>
        <source>You are about to cast your ballot: %1 Agree, %2 Disagree, %3 Blank.

Once cast, your vote cannot be changed or taken back.</source>
        <translation>Bạn sắp bỏ phiếu: %1 Đồng ý, %2 Không đồng ý, %3 Để trống.

Đã bỏ phiếu thì không thể thay đổi hay rút lại.</translation>
    </message>
    <message>
        <source>Cast my ballot</source>
        <translation>Bỏ phiếu</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>Review your ballot</source>
        <translation>Xem lại lá phiếu</translation>
    </message>
    <message>
        <source>Check every row. "Change" takes you back to that nominee. Your ballot is cast only when you press the button below and confirm.</source>
        <translation>Hãy kiểm tra từng dòng. “Sửa” đưa bạn về đúng dòng đó. Lá phiếu chỉ được bỏ khi bạn bấm nút bên dưới và xác nhận.</translation>
    </message>
    <message>
        <source>Agree: %1 · Disagree: %2 · Blank: %3 (of which not chosen: %4)</source>
        <translation>Đồng ý: %1 · Không đồng ý: %2 · Để trống: %3 (trong đó chưa chọn: %4)</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Sửa</translation>
    </message>
    <message>
        <source>Change the choice for %1</source>
        <translation>Sửa lựa chọn cho %1</translation>
    </message>
    <message>
        <source>← Back to the ballot</source>
        <translation>← Quay lại lá phiếu</translation>
    </message>
    <message>
        <source>Back to the ballot</source>
        <translation>Quay lại lá phiếu</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <source>Cast my ballot…</source>
        <translation>Bỏ phiếu…</translation>
    </message>
</context>
<context>
    <name>cv::gui::StatusPanel</name>
    <message>
        <source>Creating your identity (sealing the key with your passphrase)…</source>
        <translation>Đang tạo danh tính (niêm phong khóa bằng cụm mật khẩu)…</translation>
    </message>
    <message>
        <source>Reading the enrollment bundle…</source>
        <translation>Đang đọc gói đăng ký…</translation>
    </message>
    <message>
        <source>Unlocking your key…</source>
        <translation>Đang mở khóa…</translation>
    </message>
    <message>
        <source>Connecting to the meeting's server…</source>
        <translation>Đang kết nối tới máy chủ của kỳ họp…</translation>
    </message>
    <message>
        <source>Reading and checking the bulletin board…</source>
        <translation>Đang đọc và kiểm tra bảng tin…</translation>
    </message>
    <message>
        <source>Checking the poll…</source>
        <translation>Đang kiểm tra cuộc bỏ phiếu…</translation>
    </message>
    <message>
        <source>Encrypting your ballot and making its proofs…</source>
        <translation>Đang mã hóa lá phiếu và tạo các bằng chứng…</translation>
    </message>
    <message>
        <source>Sending your ballot…</source>
        <translation>Đang gửi lá phiếu…</translation>
    </message>
    <message>
        <source>Checking your ballot on the bulletin board…</source>
        <translation>Đang kiểm tra lá phiếu trên bảng tin…</translation>
    </message>
    <message>
        <source>Key ceremony: reading the board, sealing your state, sending and checking shares…</source>
        <translation>Lễ tạo khóa: đang đọc bảng tin, niêm phong trạng thái, gửi và kiểm tra các phần khóa…</translation>
    </message>
    <message>
        <source>Recomputing the tally from every ballot on the board…</source>
        <translation>Đang tính lại tổng phiếu từ mọi lá phiếu trên bảng tin…</translation>
    </message>
</context>
<context>
    <name>cv::gui::TrusteeScreen</name>
    <message>
        <source>Type the passphrase of your key file.</source>
        <translation>Hãy gõ cụm mật khẩu của tệp khóa.</translation>
    </message>
    <message>
        <source>There is no poll to decrypt on the board yet.</source>
        <translation>Trên bảng tin chưa có cuộc bỏ phiếu nào để giải mã.</translation>
    </message>
    <message>
        <source>Decrypt the totals?</source>
        <translation>Giải mã các tổng phiếu?</translation>
    </message>
    <message numerus="yes">
        <source>Your part of the decryption of the totals of %n ballot(s) is sent to the server. With enough parts the totals become public; no single ballot is ever decrypted.</source>
        <translation><numerusform>Phần giải mã của bạn cho các tổng của %n lá phiếu sẽ được gửi tới máy chủ. Khi đủ số phần, các tổng được công bố; không lá phiếu riêng lẻ nào bị giải mã.</numerusform></translation>
    </message>
    <message>
        <source>Send my part</source>
        <translation>Gửi phần của tôi</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>You are trustee %1 of %2; %3 of them are needed to decrypt.</source>
        <translation>Bạn là thành viên ban kiểm phiếu %1 trong %2; cần %3 người để giải mã.</translation>
    </message>
    <message>
        <source>%1 trustees; %2 of them are needed to decrypt.</source>
        <translation>%1 thành viên ban kiểm phiếu; cần %2 người để giải mã.</translation>
    </message>
    <message>
        <source>Your ceremony secrets are made, sealed with your passphrase on this computer, and read back.</source>
        <translation>Các bí mật lễ tạo khóa của bạn đã được tạo, niêm phong bằng cụm mật khẩu trên máy này và đọc lại để kiểm tra.</translation>
    </message>
    <message>
        <source>Your commitments and one encrypted share for each trustee are on the board.</source>
        <translation>Các cam kết của bạn và một phần khóa đã mã hóa cho từng thành viên ban đã có trên bảng tin.</translation>
    </message>
    <message>
        <source>Every share sent to you has been checked against its sender's commitments.</source>
        <translation>Mọi phần khóa gửi cho bạn đã được kiểm tra với cam kết của người gửi.</translation>
    </message>
    <message>
        <source>Your key share is saved sealed on this computer and has been read back and checked.</source>
        <translation>Phần khóa của bạn đã được lưu niêm phong trên máy này, đọc lại và kiểm tra.</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Đã xong: %1</translation>
    </message>
    <message>
        <source>Not yet: %1</source>
        <translation>Chưa xong: %1</translation>
    </message>
    <message>
        <source>The ceremony failed: %1. The secretary starts a new one.</source>
        <translation>Lễ tạo khóa thất bại: %1. Thư ký sẽ bắt đầu lễ mới.</translation>
    </message>
    <message>
        <source>Still waiting for: %1.</source>
        <translation>Vẫn đang chờ: %1.</translation>
    </message>
    <message>
        <source>Tell the secretary that your shares verified. Waiting for the ceremony to complete…</source>
        <translation>Hãy báo thư ký rằng các phần khóa của bạn đã được kiểm tra. Đang chờ lễ tạo khóa hoàn tất…</translation>
    </message>
    <message>
        <source>Your key share of this ceremony is already saved: %1</source>
        <translation>Phần khóa của bạn trong lễ tạo khóa này đã được lưu: %1</translation>
    </message>
    <message>
        <source>The ceremony is complete. Joint key %1. Your key share: %2</source>
        <translation>Lễ tạo khóa đã hoàn tất. Khóa chung %1. Phần khóa của bạn: %2</translation>
    </message>
    <message numerus="yes">
        <source>Poll %1: the tally of %n ballot(s), recomputed on this computer from every ballot on the board and equal to the server's (board entry %2). Tally fingerprint: %3.</source>
        <translation><numerusform>Cuộc bỏ phiếu %1: tổng của %n lá phiếu, được tính lại trên máy này từ mọi lá phiếu trên bảng tin và bằng tổng của máy chủ (mục %2 của bảng tin). Dấu vân tay của tổng: %3.</numerusform></translation>
    </message>
    <message>
        <source>The server accepted your part. It now holds %1 of the %2 parts needed (trustees %3).</source>
        <translation>Máy chủ đã nhận phần của bạn. Máy chủ đang giữ %1 trong %2 phần cần có (thành viên ban %3).</translation>
    </message>
    <message>
        <source>Nothing has been sent yet. The server holds %1 of the %2 parts needed.</source>
        <translation>Chưa gửi gì. Máy chủ đang giữ %1 trong %2 phần cần có.</translation>
    </message>
    <message>
        <source>Vote-counting committee (Ban kiểm phiếu)</source>
        <translation>Ban kiểm phiếu</translation>
    </message>
    <message>
        <source>Your key and the connection are the ones you unlocked. The passphrase below is the one of your key file: it seals your ceremony secrets and your key share on this computer. Nothing secret leaves it unencrypted.</source>
        <translation>Khóa và kết nối là những thứ bạn vừa mở khóa. Cụm mật khẩu dưới đây là của tệp khóa: nó niêm phong các bí mật lễ tạo khóa và phần khóa của bạn trên máy này. Không bí mật nào rời máy khi chưa được mã hóa.</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Cụm mật khẩu:</translation>
    </message>
    <message>
        <source>Passphrase of your key file</source>
        <translation>Cụm mật khẩu của tệp khóa</translation>
    </message>
    <message>
        <source>1. Key ceremony</source>
        <translation>1. Lễ tạo khóa</translation>
    </message>
    <message>
        <source>Start or resume the ceremony</source>
        <translation>Bắt đầu hoặc tiếp tục lễ tạo khóa</translation>
    </message>
    <message>
        <source>2. Decryption of the totals</source>
        <translation>2. Giải mã các tổng phiếu</translation>
    </message>
    <message>
        <source>Recompute the tally from the board</source>
        <translation>Tính lại tổng phiếu từ bảng tin</translation>
    </message>
    <message>
        <source>Decrypt my part…</source>
        <translation>Giải mã phần của tôi…</translation>
    </message>
    <message>
        <source>The tally</source>
        <translation>Tổng phiếu</translation>
    </message>
    <message>
        <source>What the count reveals</source>
        <translation>Điều mà số phiếu để lộ</translation>
    </message>
    <message>
        <source>Parts held by the server</source>
        <translation>Số phần máy chủ đang giữ</translation>
    </message>
    <message>
        <source>Trustees</source>
        <translation>Thành viên Ban kiểm phiếu</translation>
    </message>
    <message>
        <source>Waiting for</source>
        <translation>Đang chờ</translation>
    </message>
    <message>
        <source>Joint key</source>
        <translation>Khóa chung</translation>
    </message>
</context>
<context>
    <name>cv::gui::UnlockScreen</name>
    <message>
        <source>Type your passphrase.</source>
        <translation>Hãy gõ cụm mật khẩu.</translation>
    </message>
    <message>
        <source>Unlock and connect</source>
        <translation>Mở khóa và kết nối</translation>
    </message>
    <message>
        <source>Identity: %1</source>
        <translation>Danh tính: %1</translation>
    </message>
    <message>
        <source>Meeting %1 on server %2 (bundle code %3)</source>
        <translation>Kỳ họp %1 trên máy chủ %2 (mã gói %3)</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Cụm mật khẩu:</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Cụm mật khẩu</translation>
    </message>
</context>
<context>
    <name>cv::gui::WaitingScreen</name>
    <message>
        <source>Connected</source>
        <translation>Đã kết nối</translation>
    </message>
    <message>
        <source>No poll is open at the moment. This screen changes by itself when the secretary opens one.</source>
        <translation>Hiện chưa có cuộc bỏ phiếu nào đang mở. Màn hình này tự chuyển khi thư ký mở cuộc bỏ phiếu.</translation>
    </message>
    <message>
        <source>The poll "%1" is not open for voting now, and you have not voted in it.</source>
        <translation>Cuộc bỏ phiếu “%1” hiện không mở, và bạn chưa bỏ phiếu trong cuộc này.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
</context>
</TS>