#!/usr/bin/env python3
"""Fills councilvote_vi.ts (after lupdate) from the table below, and the English plural forms of
councilvote_en.ts. Run from client/gui: python3 translations/fill_vi.py. A source text missing from
the table is reported and the script fails: every string shown to a member has its Vietnamese."""
import sys
import xml.etree.ElementTree as ET

VI = {
 'Close': 'Đóng',
 'Save': 'Lưu',
 'Open': 'Mở',
 'Cancel': 'Hủy',
 'Look in:': 'Thư mục:',
 'File name:': 'Tên tệp:',
 'Files of type:': 'Loại tệp:',
 "This is not the meeting's server: its certificate does not match the fingerprint in your enrollment bundle. The program does not connect to it, and there is no way to connect anyway. Tell the secretary at once.":
   'Đây không phải máy chủ của kỳ họp: chứng chỉ của nó không khớp với dấu vân tay trong gói đăng ký của bạn. Chương trình không kết nối tới máy chủ này và không có cách nào để kết nối bất chấp. Hãy báo ngay cho thư ký.',
 "The meeting's server cannot be reached. Check the network cable or Wi-Fi and try again; nothing has been lost.":
   'Không liên lạc được với máy chủ của kỳ họp. Hãy kiểm tra cáp mạng hoặc Wi-Fi rồi thử lại; không có gì bị mất.',
 'Your identity could not be created (the key file could not be written). Check that the folder is writable and try again.':
   'Không tạo được danh tính (không ghi được tệp khóa). Hãy kiểm tra thư mục có ghi được không rồi thử lại.',
 'This bundle has been altered: its signature does not verify. Do not use it; ask the secretary for the bundle again.':
   'Gói đăng ký này đã bị sửa đổi: chữ ký của nó không hợp lệ. Đừng dùng gói này; hãy xin lại thư ký gói đăng ký.',
 'This is not a valid enrollment bundle. Check that you opened the right file, or that you pasted the whole text (it starts with CV2:).':
   'Đây không phải là gói đăng ký hợp lệ. Hãy kiểm tra bạn đã mở đúng tệp, hoặc đã dán đủ toàn bộ văn bản (bắt đầu bằng CV2:).',
 'The passphrase is not right, or the key file is damaged. Type the passphrase again.':
   'Cụm mật khẩu không đúng, hoặc tệp khóa bị hỏng. Hãy gõ lại cụm mật khẩu.',
 'The answer to your ballot did not arrive. Your ballot is kept on this computer: press "Try again" and the same ballot is sent again. It is never counted twice.':
   'Chưa nhận được trả lời cho lá phiếu của bạn. Lá phiếu vẫn được lưu trên máy này: bấm “Thử lại” để gửi lại đúng lá phiếu đó. Phiếu không bao giờ bị tính hai lần.',
 'Your ballot is NOT on the bulletin board. Keep your receipt file and tell the vote-counting committee (Ban kiểm phiếu) and the secretary at once.':
   'Lá phiếu của bạn KHÔNG có trên bảng tin công khai. Hãy giữ tệp biên nhận và báo ngay cho Ban kiểm phiếu và thư ký.',
 'The bulletin board does not show your ballot as it should. Keep your receipt file and tell the vote-counting committee (Ban kiểm phiếu) and the secretary at once.':
   'Bảng tin công khai không cho thấy lá phiếu của bạn đúng như lẽ ra phải có. Hãy giữ tệp biên nhận và báo ngay cho Ban kiểm phiếu và thư ký.',
 'The server does not know your key yet. Give your public key to the secretary and try again once it is registered.':
   'Máy chủ chưa biết khóa của bạn. Hãy đưa khóa công khai cho thư ký và thử lại sau khi khóa đã được đăng ký.',
 'The server already holds a ballot from you in this poll. A ballot cannot be changed or cast twice.':
   'Máy chủ đã có lá phiếu của bạn trong cuộc bỏ phiếu này. Không thể thay đổi phiếu hay bỏ phiếu hai lần.',
 'Voting in this poll has not started yet.': 'Cuộc bỏ phiếu này chưa bắt đầu.',
 'This poll is closed: no more ballots are accepted.': 'Cuộc bỏ phiếu này đã kết thúc: không nhận thêm phiếu.',
 'You are not marked present (or voting remotely) in this poll. Ask the secretary.':
   'Bạn chưa được ghi nhận là có mặt (hoặc bỏ phiếu từ xa) trong cuộc bỏ phiếu này. Hãy hỏi thư ký.',
 'The remote voting window is not open now. Remote members vote within the times the secretary announced.':
   'Hiện không trong thời gian bỏ phiếu từ xa. Thành viên vắng mặt bỏ phiếu trong khoảng thời gian thư ký đã thông báo.',
 'The server is busy. Wait a moment and try again.': 'Máy chủ đang bận. Hãy chờ một lát rồi thử lại.',
 'The server refused the ballot as invalid. Nothing was counted. Tell the secretary.':
   'Máy chủ từ chối lá phiếu vì không hợp lệ. Không có gì được tính. Hãy báo thư ký.',
 "The server's answer did not pass this program's checks. Do not go on; tell the secretary and the vote-counting committee.":
   'Trả lời của máy chủ không qua được các bước kiểm tra của chương trình. Đừng tiếp tục; hãy báo thư ký và Ban kiểm phiếu.',
 "Your ballot could not be made: this key is not on the poll's list of voters. Check with the secretary that your key was registered.":
   'Không tạo được lá phiếu: khóa này không có trong danh sách cử tri của cuộc bỏ phiếu. Hãy hỏi thư ký xem khóa của bạn đã được đăng ký chưa.',
 'The operation did not succeed. Try again; if it fails again, tell the secretary.':
   'Thao tác không thành công. Hãy thử lại; nếu vẫn không được, hãy báo thư ký.',
 'Error code: %1': 'Mã lỗi: %1',
 ' (check: %1)': ' (bước kiểm tra: %1)',
 'The bundle was not kept. Ask the secretary for the right one: a bundle whose code differs may lead you to another server.':
   'Gói đăng ký không được lưu. Hãy xin thư ký gói đúng: một gói có mã khác có thể dẫn bạn tới máy chủ khác.',
 'Open the enrollment bundle': 'Mở gói đăng ký',
 'Enrollment bundles (*.json *.txt);;All files (*)': 'Gói đăng ký (*.json *.txt);;Mọi tệp (*)',
 'The file cannot be read as a bundle: %1': 'Không đọc được tệp này như một gói đăng ký: %1',
 'This text is too long to be a bundle.': 'Văn bản này quá dài, không thể là gói đăng ký.',
 'Enrollment bundle': 'Gói đăng ký',
 "The secretary gives every member the meeting's enrollment bundle: a file, or a text that starts with CV2:. It tells this program which server to trust.":
   'Thư ký đưa cho mỗi thành viên gói đăng ký của kỳ họp: một tệp, hoặc một đoạn văn bản bắt đầu bằng CV2:. Gói này cho chương trình biết máy chủ nào là đáng tin.',
 'Open a file…': 'Mở tệp…',
 'Or paste the text here:': 'Hoặc dán văn bản vào đây:',
 'Enrollment bundle text': 'Văn bản gói đăng ký',
 'Read the pasted text': 'Đọc văn bản đã dán',
 'Meeting: %1': 'Kỳ họp: %1',
 'Server: %1': 'Máy chủ: %1',
 'Bundle code %1': 'Mã gói %1',
 'Bundle code:': 'Mã gói đăng ký:',
 'Compare this code, character by character, with the code the secretary reads out or prints on the agenda.':
   'Hãy so từng ký tự của mã này với mã thư ký đọc hoặc in trên chương trình họp.',
 'The codes match — use this bundle': 'Mã khớp — dùng gói này',
 'They do not match': 'Mã không khớp',
 'Blank (not chosen)': 'Để trống (chưa chọn)',
 'Agree': 'Đồng ý',
 'Disagree': 'Không đồng ý',
 'Blank': 'Để trống',
 'Award: %1': 'Hình thức: %1',
 'Leave blank': 'Để trống',
 '%1: %2 (nominee %3)': '%1: %2 (người/tập thể số %3)',
 'Too short: at least %1 characters. A sentence of several words is best.':
   'Quá ngắn: cần ít nhất %1 ký tự. Tốt nhất là một câu gồm nhiều từ.',
 'Weak: easy to guess. Add more words.': 'Yếu: dễ đoán. Hãy thêm từ.',
 'Fair: one or two more words would make it strong.': 'Khá: thêm một hai từ nữa sẽ mạnh.',
 'Strong.': 'Mạnh.',
 'The two entries differ.': 'Hai lần gõ không giống nhau.',
 "Type your name (as on the council's list).": 'Hãy gõ họ tên của bạn (như trong danh sách Hội đồng).',
 'The passphrase is too short: at least %1 characters.': 'Cụm mật khẩu quá ngắn: cần ít nhất %1 ký tự.',
 'The two passphrases differ. Type them again.': 'Hai cụm mật khẩu không giống nhau. Hãy gõ lại.',
 'Create your identity': 'Tạo danh tính của bạn',
 'This computer makes your voting key. The key never leaves this computer; it is sealed with a passphrase that only you know. Choose a passphrase of several words that you will remember: nobody can recover it for you.':
   'Máy tính này tạo khóa bỏ phiếu của bạn. Khóa không bao giờ rời khỏi máy; nó được niêm phong bằng một cụm mật khẩu chỉ bạn biết. Hãy chọn một cụm mật khẩu gồm nhiều từ mà bạn sẽ nhớ: không ai khôi phục được cho bạn.',
 'Your name:': 'Họ và tên:',
 'Passphrase:': 'Cụm mật khẩu:',
 'Passphrase again:': 'Nhập lại cụm mật khẩu:',
 'Your name': 'Họ và tên',
 'Passphrase': 'Cụm mật khẩu',
 'Passphrase again': 'Nhập lại cụm mật khẩu',
 'Create identity': 'Tạo danh tính',
 'CouncilVote — member': 'CouncilVote — thành viên Hội đồng',
 '&File': '&Tệp',
 '&Quit': '&Thoát',
 '&Member': 'Thành &viên',
 'My public key': 'Khóa công khai của tôi',
 '&View': '&Hiển thị',
 'Text size 100 %': 'Cỡ chữ 100 %',
 'Text size 125 %': 'Cỡ chữ 125 %',
 'Text size 150 %': 'Cỡ chữ 150 %',
 'High contrast': 'Tương phản cao',
 '&Language / Ngôn ngữ': '&Ngôn ngữ / Language',
 'This poll has a question this version of the program cannot show. Vote with councilvote-cli, or ask the secretary.':
   'Cuộc bỏ phiếu này có câu hỏi mà phiên bản này của chương trình chưa hiển thị được. Hãy bỏ phiếu bằng councilvote-cli hoặc hỏi thư ký.',
 'Agree with everyone in this group': 'Đồng ý tất cả trong nhóm',
 'This changes %n choice(s) you already made in this group to "Agree".':
   ['Thao tác này đổi %n lựa chọn bạn đã chọn trong nhóm thành “Đồng ý”.'],
 'Change them to Agree': 'Đổi thành Đồng ý',
 'Keep my choices': 'Giữ nguyên lựa chọn',
 '%1 / %2 chosen': '%1 / %2 đã chọn',
 'Early voting for members who are away: open until %1.': 'Bỏ phiếu sớm cho thành viên vắng mặt: mở đến %1.',
 'Voting is open.': 'Đang mở bỏ phiếu.',
 'For each nominee choose Agree, Disagree or Leave blank. A row you do not mark counts as blank, never as Disagree. You can change any choice until you cast.':
   'Với mỗi người/tập thể được đề nghị, chọn Đồng ý, Không đồng ý hoặc Để trống. Dòng bạn không đánh dấu được tính là để trống, không bao giờ là Không đồng ý. Bạn có thể sửa mọi lựa chọn cho tới khi bỏ phiếu.',
 '%1 (%n nominee(s))': ['%1 (%n người/tập thể)'],
 'Agree with everyone in the group %1': 'Đồng ý tất cả trong nhóm %1',
 'Review my ballot →': 'Xem lại phiếu →',
 'Review my ballot': 'Xem lại phiếu',
 'The key is copied; paste it where the secretary asks.': 'Đã sao chép khóa; hãy dán vào nơi thư ký yêu cầu.',
 'Save your public key': 'Lưu khóa công khai',
 'Text files (*.txt)': 'Tệp văn bản (*.txt)',
 'Saved: %1': 'Đã lưu: %1',
 'The file could not be written: %1': 'Không ghi được tệp: %1',
 'Your public key': 'Khóa công khai của bạn',
 'Give this public key to the secretary: read it out, show the QR code, or hand over the file. It is not secret. The secretary registers it for your name; only then can you vote.':
   'Hãy đưa khóa công khai này cho thư ký: đọc to, cho quét mã QR, hoặc chuyển tệp. Khóa này không phải bí mật. Thư ký đăng ký nó cho tên của bạn; chỉ khi đó bạn mới bỏ phiếu được.',
 'Name: %1': 'Họ tên: %1',
 'Also kept in: %1': 'Cũng được lưu tại: %1',
 'QR code of your public key': 'Mã QR của khóa công khai',
 'Save as a file…': 'Lưu thành tệp…',
 'Copy': 'Sao chép',
 'Continue': 'Tiếp tục',
 'You have voted': 'Bạn đã bỏ phiếu',
 'Poll: %1': 'Cuộc bỏ phiếu: %1',
 'Your tracking code:': 'Mã theo dõi của bạn:',
 'Tracking code %1': 'Mã theo dõi %1',
 'Full code: %1\nReceived by the server at %2, bulletin board entry %3.':
   'Mã đầy đủ: %1\nMáy chủ nhận lúc %2, mục %3 của bảng tin.',
 'Your receipt is saved in: %1': 'Biên nhận của bạn được lưu tại: %1',
 'The code does not show your choices: they stay secret. With it you can check at any time that your ballot is on the public bulletin board, and after the result is published, that it was counted.':
   'Mã này không cho biết bạn đã chọn gì: lựa chọn của bạn vẫn bí mật. Với mã này, bạn có thể kiểm tra bất cứ lúc nào rằng lá phiếu của bạn có trên bảng tin công khai, và sau khi công bố kết quả, rằng nó đã được tính.',
 'Check against the published record': 'Kiểm tra với biên bản đã công bố',
 'Check on the bulletin board': 'Kiểm tra trên bảng tin',
 'Found: your ballot is entry %1 of the bulletin board, exactly as you cast it.':
   'Đã tìm thấy: lá phiếu của bạn là mục %1 của bảng tin, đúng như bạn đã bỏ.',
 'The published record verifies and counts your ballot.': 'Biên bản đã công bố hợp lệ và có tính lá phiếu của bạn.',
 'The published record does NOT count your ballot as it should (%1). Keep your receipt file and tell the vote-counting committee (Ban kiểm phiếu) and the secretary at once.':
   'Biên bản đã công bố KHÔNG tính lá phiếu của bạn như lẽ ra phải có (%1). Hãy giữ tệp biên nhận và báo ngay cho Ban kiểm phiếu và thư ký.',
 'The result is not published yet; check again after publication.': 'Kết quả chưa được công bố; hãy kiểm tra lại sau khi công bố.',
 'Cast your ballot': 'Bỏ phiếu',
 'You are about to cast your ballot: %1 Agree, %2 Disagree, %3 Blank.\n\nOnce cast, your vote cannot be changed or taken back.':
   'Bạn sắp bỏ phiếu: %1 Đồng ý, %2 Không đồng ý, %3 Để trống.\n\nĐã bỏ phiếu thì không thể thay đổi hay rút lại.',
 'Cast my ballot': 'Bỏ phiếu',
 'Go back': 'Quay lại',
 'Review your ballot': 'Xem lại lá phiếu',
 'Check every row. "Change" takes you back to that nominee. Your ballot is cast only when you press the button below and confirm.':
   'Hãy kiểm tra từng dòng. “Sửa” đưa bạn về đúng dòng đó. Lá phiếu chỉ được bỏ khi bạn bấm nút bên dưới và xác nhận.',
 'Agree: %1 · Disagree: %2 · Blank: %3 (of which not chosen: %4)':
   'Đồng ý: %1 · Không đồng ý: %2 · Để trống: %3 (trong đó chưa chọn: %4)',
 'Change': 'Sửa',
 'Change the choice for %1': 'Sửa lựa chọn cho %1',
 '← Back to the ballot': '← Quay lại lá phiếu',
 'Back to the ballot': 'Quay lại lá phiếu',
 'Try again': 'Thử lại',
 'Cast my ballot…': 'Bỏ phiếu…',
 'Creating your identity (sealing the key with your passphrase)…': 'Đang tạo danh tính (niêm phong khóa bằng cụm mật khẩu)…',
 'Reading the enrollment bundle…': 'Đang đọc gói đăng ký…',
 'Unlocking your key…': 'Đang mở khóa…',
 "Connecting to the meeting's server…": 'Đang kết nối tới máy chủ của kỳ họp…',
 'Reading and checking the bulletin board…': 'Đang đọc và kiểm tra bảng tin…',
 'Checking the poll…': 'Đang kiểm tra cuộc bỏ phiếu…',
 'Encrypting your ballot and making its proofs…': 'Đang mã hóa lá phiếu và tạo các bằng chứng…',
 'Sending your ballot…': 'Đang gửi lá phiếu…',
 'Checking your ballot on the bulletin board…': 'Đang kiểm tra lá phiếu trên bảng tin…',
 'Type your passphrase.': 'Hãy gõ cụm mật khẩu.',
 'Unlock and connect': 'Mở khóa và kết nối',
 'Identity: %1': 'Danh tính: %1',
 'Meeting %1 on server %2 (bundle code %3)': 'Kỳ họp %1 trên máy chủ %2 (mã gói %3)',
 'Connected': 'Đã kết nối',
 'No poll is open at the moment. This screen changes by itself when the secretary opens one.':
   'Hiện chưa có cuộc bỏ phiếu nào đang mở. Màn hình này tự chuyển khi thư ký mở cuộc bỏ phiếu.',
 'The poll "%1" is not open for voting now, and you have not voted in it.':
   'Cuộc bỏ phiếu “%1” hiện không mở, và bạn chưa bỏ phiếu trong cuộc này.',
 'Refresh': 'Làm mới',
 "This passphrase does not open your key file, or your ceremony file is damaged. Type the passphrase of your key file; nothing has been sent.":
   'Cụm mật khẩu này không mở được tệp khóa của bạn, hoặc tệp lễ tạo khóa bị hỏng. Hãy gõ cụm mật khẩu của tệp khóa; chưa có gì được gửi đi.',
 "This key is not one of the vote-counting committee's in this ceremony. Check with the secretary which keys were named as trustees.":
   'Khóa này không thuộc Ban kiểm phiếu trong lễ tạo khóa này. Hãy hỏi thư ký những khóa nào đã được chỉ định vào Ban kiểm phiếu.',
 'The key ceremony on the server does not agree with what this computer holds. Do not go on; tell the secretary, who starts a new ceremony.':
   'Lễ tạo khóa trên máy chủ không khớp với dữ liệu trên máy này. Đừng tiếp tục; hãy báo thư ký để bắt đầu một lễ tạo khóa mới.',
 'Your ceremony file could not be written and read back on this computer. Check that the folder is writable; nothing has been sent.':
   'Không ghi và đọc lại được tệp lễ tạo khóa trên máy này. Hãy kiểm tra thư mục có ghi được không; chưa có gì được gửi đi.',
 "The server's tally is not the sum of the ballots on the board. Do not decrypt; tell the secretary and the other members of the committee at once.":
   'Tổng phiếu của máy chủ không bằng tổng các lá phiếu trên bảng tin. Đừng giải mã; hãy báo ngay cho thư ký và các thành viên khác của Ban kiểm phiếu.',
 'Too few ballots were cast: decrypting this tally would reveal how individual members voted. It is not decrypted.':
   'Có quá ít lá phiếu: giải mã tổng này sẽ làm lộ cách từng thành viên đã bỏ phiếu. Tổng này không được giải mã.',
 'Your key share of this ceremony could not be opened: the file is missing or the passphrase is not right. Nothing was sent.':
   'Không mở được phần khóa của bạn trong lễ tạo khóa này: thiếu tệp hoặc cụm mật khẩu không đúng. Chưa có gì được gửi đi.',
 'Vote-counting committee (trustee)…': 'Ban kiểm phiếu…',
 'Key ceremony: reading the board, sealing your state, sending and checking shares…':
   'Lễ tạo khóa: đang đọc bảng tin, niêm phong trạng thái, gửi và kiểm tra các phần khóa…',
 'Recomputing the tally from every ballot on the board…': 'Đang tính lại tổng phiếu từ mọi lá phiếu trên bảng tin…',
 'Type the passphrase of your key file.': 'Hãy gõ cụm mật khẩu của tệp khóa.',
 'There is no poll to decrypt on the board yet.': 'Trên bảng tin chưa có cuộc bỏ phiếu nào để giải mã.',
 'Decrypt the totals?': 'Giải mã các tổng phiếu?',
 'Your part of the decryption of the totals of %n ballot(s) is sent to the server. With enough parts the totals become public; no single ballot is ever decrypted.':
   ['Phần giải mã của bạn cho các tổng của %n lá phiếu sẽ được gửi tới máy chủ. Khi đủ số phần, các tổng được công bố; không lá phiếu riêng lẻ nào bị giải mã.'],
 'Send my part': 'Gửi phần của tôi',
 'You are trustee %1 of %2; %3 of them are needed to decrypt.':
   'Bạn là thành viên ban kiểm phiếu %1 trong %2; cần %3 người để giải mã.',
 '%1 trustees; %2 of them are needed to decrypt.': '%1 thành viên ban kiểm phiếu; cần %2 người để giải mã.',
 'Your ceremony secrets are made, sealed with your passphrase on this computer, and read back.':
   'Các bí mật lễ tạo khóa của bạn đã được tạo, niêm phong bằng cụm mật khẩu trên máy này và đọc lại để kiểm tra.',
 'Your commitments and one encrypted share for each trustee are on the board.':
   'Các cam kết của bạn và một phần khóa đã mã hóa cho từng thành viên ban đã có trên bảng tin.',
 "Every share sent to you has been checked against its sender's commitments.":
   'Mọi phần khóa gửi cho bạn đã được kiểm tra với cam kết của người gửi.',
 'Your key share is saved sealed on this computer and has been read back and checked.':
   'Phần khóa của bạn đã được lưu niêm phong trên máy này, đọc lại và kiểm tra.',
 'Done: %1': 'Đã xong: %1',
 'Not yet: %1': 'Chưa xong: %1',
 'The ceremony failed: %1. The secretary starts a new one.': 'Lễ tạo khóa thất bại: %1. Thư ký sẽ bắt đầu lễ mới.',
 'Still waiting for: %1.': 'Vẫn đang chờ: %1.',
 'Tell the secretary that your shares verified. Waiting for the ceremony to complete…':
   'Hãy báo thư ký rằng các phần khóa của bạn đã được kiểm tra. Đang chờ lễ tạo khóa hoàn tất…',
 'Your key share of this ceremony is already saved: %1': 'Phần khóa của bạn trong lễ tạo khóa này đã được lưu: %1',
 'The ceremony is complete. Joint key %1. Your key share: %2':
   'Lễ tạo khóa đã hoàn tất. Khóa chung %1. Phần khóa của bạn: %2',
 "Poll %1: the tally of %n ballot(s), recomputed on this computer from every ballot on the board and equal to the server's (board entry %2). Tally fingerprint: %3.":
   ['Cuộc bỏ phiếu %1: tổng của %n lá phiếu, được tính lại trên máy này từ mọi lá phiếu trên bảng tin và bằng tổng của máy chủ (mục %2 của bảng tin). Dấu vân tay của tổng: %3.'],
 'The server accepted your part. It now holds %1 of the %2 parts needed (trustees %3).':
   'Máy chủ đã nhận phần của bạn. Máy chủ đang giữ %1 trong %2 phần cần có (thành viên ban %3).',
 'Nothing has been sent yet. The server holds %1 of the %2 parts needed.':
   'Chưa gửi gì. Máy chủ đang giữ %1 trong %2 phần cần có.',
 'Vote-counting committee (Ban kiểm phiếu)': 'Ban kiểm phiếu',
 'Your key and the connection are the ones you unlocked. The passphrase below is the one of your key file: it seals your ceremony secrets and your key share on this computer. Nothing secret leaves it unencrypted.':
   'Khóa và kết nối là những thứ bạn vừa mở khóa. Cụm mật khẩu dưới đây là của tệp khóa: nó niêm phong các bí mật lễ tạo khóa và phần khóa của bạn trên máy này. Không bí mật nào rời máy khi chưa được mã hóa.',
 'Passphrase of your key file': 'Cụm mật khẩu của tệp khóa',
 '1. Key ceremony': '1. Lễ tạo khóa',
 'Start or resume the ceremony': 'Bắt đầu hoặc tiếp tục lễ tạo khóa',
 '2. Decryption of the totals': '2. Giải mã các tổng phiếu',
 'Recompute the tally from the board': 'Tính lại tổng phiếu từ bảng tin',
 'Decrypt my part…': 'Giải mã phần của tôi…',
 'The tally': 'Tổng phiếu',
 'What the count reveals': 'Điều mà số phiếu để lộ',
 'Parts held by the server': 'Số phần máy chủ đang giữ',
 'Trustees': 'Thành viên Ban kiểm phiếu',
 'Waiting for': 'Đang chờ',
 'Joint key': 'Khóa chung',
}

EN_PLURAL = {
 'Your part of the decryption of the totals of %n ballot(s) is sent to the server. With enough parts the totals become public; no single ballot is ever decrypted.':
   ['Your part of the decryption of the totals of %n ballot is sent to the server. With enough parts the totals become public; no single ballot is ever decrypted.',
    'Your part of the decryption of the totals of %n ballots is sent to the server. With enough parts the totals become public; no single ballot is ever decrypted.'],
 "Poll %1: the tally of %n ballot(s), recomputed on this computer from every ballot on the board and equal to the server's (board entry %2). Tally fingerprint: %3.":
   ["Poll %1: the tally of %n ballot, recomputed on this computer from every ballot on the board and equal to the server's (board entry %2). Tally fingerprint: %3.",
    "Poll %1: the tally of %n ballots, recomputed on this computer from every ballot on the board and equal to the server's (board entry %2). Tally fingerprint: %3."],
 'This changes %n choice(s) you already made in this group to "Agree".':
   ['This changes %n choice you already made in this group to "Agree".',
    'This changes %n choices you already made in this group to "Agree".'],
 '%1 (%n nominee(s))': ['%1 (%n nominee)', '%1 (%n nominees)'],
}

def fill(path, table, plural_only):
    tree = ET.parse(path)
    missing = []
    for m in tree.getroot().iter('message'):
        src = m.find('source').text
        tr = m.find('translation')
        if plural_only:
            if src in table:
                tr.text = None
                for c in list(tr): tr.remove(c)
                for form in table[src]:
                    ET.SubElement(tr, 'numerusform').text = form
                tr.attrib.pop('type', None)
            else:
                tr.text = None
                for c in list(tr): tr.remove(c)
                tr.attrib.pop('type', None)
                tr.text = src
            continue
        if src not in table:
            missing.append(src)
            continue
        value = table[src]
        tr.attrib.pop('type', None)
        for c in list(tr): tr.remove(c)
        if isinstance(value, list):
            tr.text = None
            for form in value:
                ET.SubElement(tr, 'numerusform').text = form
        else:
            tr.text = value
    tree.write(path, encoding='utf-8', xml_declaration=True)
    return missing

missing = fill('translations/councilvote_vi.ts', VI, False)
fill('translations/councilvote_en.ts', EN_PLURAL, True)
if missing:
    print('no Vietnamese for:', *missing, sep='\n  ')
    sys.exit(1)
