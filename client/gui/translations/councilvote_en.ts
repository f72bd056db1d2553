<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>Dialogs</name>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Look in:</source>
        <translation>Look in:</translation>
    </message>
    <message>
        <source>File name:</source>
        <translation>File name:</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>Files of type:</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>This is not the meeting's server: its certificate does not match the fingerprint in your enrollment bundle. The program does not connect to it, and there is no way to connect anyway. Tell the secretary at once.</source>
        <translation>This is not the meeting's server: its certificate does not match the fingerprint in your enrollment bundle. The program does not connect to it, and there is no way to connect anyway. Tell the secretary at once.</translation>
    </message>
    <message>
        <source>The meeting's server cannot be reached. Check the network cable or Wi-Fi and try again; nothing has been lost.</source>
        <translation>The meeting's server cannot be reached. Check the network cable or Wi-Fi and try again; nothing has been lost.</translation>
    </message>
    <message>
        <source>Your identity could not be created (the key file could not be written). Check that the folder is writable and try again.</source>
        <translation>Your identity could not be created (the key file could not be written). Check that the folder is writable and try again.</translation>
    </message>
    <message>
        <source>The passphrase is not right, or the key file is damaged. Type the passphrase again.</source>
        <translation>The passphrase is not right, or the key file is damaged. Type the passphrase again.</translation>
    </message>
    <message>
        <source>The answer to your ballot did not arrive. Your ballot is kept on this computer: press "Try again" and the same ballot is sent again. It is never counted twice.</source>
        <translation>The answer to your ballot did not arrive. Your ballot is kept on this computer: press "Try again" and the same ballot is sent again. It is never counted twice.</translation>
    </message>
    <message>
        <source>Your ballot is NOT on the bulletin board. Keep your receipt file and tell the vote-counting committee (Ban kiểm phiếu) and the secretary at once.</source>
        <translation>Your ballot is NOT on the bulletin board. Keep your receipt file and tell the vote-counting committee (Ban kiểm phiếu) and the secretary at once.</translation>
    </message>
    <message>
        <source>The bulletin board does not show your ballot as it should. Keep your receipt file and tell the vote-counting committee (Ban kiểm phiếu) and the secretary at once.</source>
        <translation>The bulletin board does not show your ballot as it should. Keep your receipt file and tell the vote-counting committee (Ban kiểm phiếu) and the secretary at once.</translation>
    </message>
    <message>
        <source>The server does not know your key yet. Give your public key to the secretary and try again once it is registered.</source>
        <translation>The server does not know your key yet. Give your public key to the secretary and try again once it is registered.</translation>
    </message>
    <message>
        <source>The server already holds a ballot from you in this poll. A ballot cannot be changed or cast twice.</source>
        <translation>The server already holds a ballot from you in this poll. A ballot cannot be changed or cast twice.</translation>
    </message>
    <message>
        <source>Voting in this poll has not started yet.</source>
        <translation>Voting in this poll has not started yet.</translation>
    </message>
    <message>
        <source>This poll is closed: no more ballots are accepted.</source>
        <translation>This poll is closed: no more ballots are accepted.</translation>
    </message>
    <message>
        <source>You are not marked present (or voting remotely) in this poll. Ask the secretary.</source>
        <translation>You are not marked present (or voting remotely) in this poll. Ask the secretary.</translation>
    </message>
    <message>
        <source>The remote voting window is not open now. Remote members vote within the times the secretary announced.</source>
        <translation>The remote voting window is not open now. Remote members vote within the times the secretary announced.</translation>
    </message>
    <message>
        <source>The server is busy. Wait a moment and try again.</source>
        <translation>The server is busy. Wait a moment and try again.</translation>
    </message>
    <message>
        <source>The server refused the ballot as invalid. Nothing was counted. Tell the secretary.</source>
        <translation>The server refused the ballot as invalid. Nothing was counted. Tell the secretary.</translation>
    </message>
    <message>
        <source>The server's answer did not pass this program's checks. Do not go on; tell the secretary and the vote-counting committee.</source>
        <translation>The server's answer did not pass this program's checks. Do not go on; tell the secretary and the vote-counting committee.</translation>
    </message>
    <message>
        <source>Your ballot could not be made: this key is not on the poll's list of voters. Check with the secretary that your key was registered.</source>
        <translation>Your ballot could not be made: this key is not on the poll's list of voters. Check with the secretary that your key was registered.</translation>
    </message>
    <message>
        <source>The operation did not succeed. Try again; if it fails again, tell the secretary.</source>
        <translation>The operation did not succeed. Try again; if it fails again, tell the secretary.</translation>
    </message>
    <message>
        <source>Error code: %1</source>
        <translation>Error code: %1</translation>
    </message>
    <message>
        <source> (check: %1)</source>
        <translation> (check: %1)</translation>
    </message>
    <message>
        <source>This bundle has been altered: its signature does not verify. Do not use it; ask the secretary for the bundle again.</source>
        <translation>This bundle has been altered: its signature does not verify. Do not use it; ask the secretary for the bundle again.</translation>
    </message>
    <message>
        <source>This is not a valid enrollment bundle. Check that you opened the right file, or that you pasted the whole text (it starts with CV2:).</source>
        <translation>This is not a valid enrollment bundle. Check that you opened the right file, or that you pasted the whole text (it starts with CV2:).</translation>
    </message>
    <message>
        <source>This key is not one of the vote-counting committee's in this ceremony. Check with the secretary which keys were named as trustees.</source>
        <translation>This key is not one of the vote-counting committee's in this ceremony. Check with the secretary which keys were named as trustees.</translation>
    </message>
    <message>
        <source>The key ceremony on the server does not agree with what this computer holds. Do not go on; tell the secretary, who starts a new ceremony.</source>
        <translation>The key ceremony on the server does not agree with what this computer holds. Do not go on; tell the secretary, who starts a new ceremony.</translation>
    </message>
    <message>
        <source>Your ceremony file could not be written and read back on this computer. Check that the folder is writable; nothing has been sent.</source>
        <translation>Your ceremony file could not be written and read back on this computer. Check that the folder is writable; nothing has been sent.</translation>
    </message>
    <message>
        <source>The server's tally is not the sum of the ballots on the board. Do not decrypt; tell the secretary and the other members of the committee at once.</source>
        <translation>The server's tally is not the sum of the ballots on the board. Do not decrypt; tell the secretary and the other members of the committee at once.</translation>
    </message>
    <message>
        <source>Too few ballots were cast: decrypting this tally would reveal how individual members voted. It is not decrypted.</source>
        <translation>Too few ballots were cast: decrypting this tally would reveal how individual members voted. It is not decrypted.</translation>
    </message>
    <message>
        <source>Your key share of this ceremony could not be opened: the file is missing or the passphrase is not right. Nothing was sent.</source>
        <translation>Your key share of this ceremony could not be opened: the file is missing or the passphrase is not right. Nothing was sent.</translation>
    </message>
    <message>
        <source>This passphrase does not open your key file, or your ceremony file is damaged. Type the passphrase of your key file; nothing has been sent.</source>
        <translation>This passphrase does not open your key file, or your ceremony file is damaged. Type the passphrase of your key file; nothing has been sent.</translation>
    </message>
</context>
<context>
    <name>cv::gui::BundleScreen</name>
    <message>
        <source>The bundle was not kept. Ask the secretary for the right one: a bundle whose code differs may lead you to another server.</source>
        <translation>The bundle was not kept. Ask the secretary for the right one: a bundle whose code differs may lead you to another server.</translation>
    </message>
    <message>
        <source>Open the enrollment bundle</source>
        <translation>Open the enrollment bundle</translation>
    </message>
    <message>
        <source>Enrollment bundles (*.json *.txt);;All files (*)</source>
        <translation>Enrollment bundles (*.json *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>The file cannot be read as a bundle: %1</source>
        <translation>The file cannot be read as a bundle: %1</translation>
    </message>
    <message>
        <source>This text is too long to be a bundle.</source>
        <translation>This text is too long to be a bundle.</translation>
    </message>
    <message>
        <source>Enrollment bundle</source>
        <translation>Enrollment bundle</translation>
    </message>
    <message>
        <source>The secretary gives every member the meeting's enrollment bundle: a file, or a text that starts with CV2:. It tells this program which server to trust.</source>
        <translation>The secretary gives every member the meeting's enrollment bundle: a file, or a text that starts with CV2:. It tells this program which server to trust.</translation>
    </message>
    <message>
        <source>Open a file…</source>
        <translation>Open a file…</translation>
    </message>
    <message>
        <source>Or paste the text here:</source>
        <translation>Or paste the text here:</translation>
    </message>
    <message>
        <source>Enrollment bundle text</source>
        <translation>Enrollment bundle text</translation>
    </message>
    <message>
        <source>Read the pasted text</source>
        <translation>Read the pasted text</translation>
    </message>
    <message>
        <source>Meeting: %1</source>
        <translation>Meeting: %1</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>Bundle code %1</source>
        <translation>Bundle code %1</translation>
    </message>
    <message>
        <source>Bundle code:</source>
        <translation>Bundle code:</translation>
    </message>
    <message>
        <source>Compare this code, character by character, with the code the secretary reads out or prints on the agenda.</source>
        <translation>Compare this code, character by character, with the code the secretary reads out or prints on the agenda.</translation>
    </message>
    <message>
        <source>The codes match — use this bundle</source>
        <translation>The codes match — use this bundle</translation>
    </message>
    <message>
        <source>They do not match</source>
        <translation>They do not match</translation>
    </message>
</context>
<context>
    <name>cv::gui::ChoiceRow</name>
    <message>
        <source>Blank (not chosen)</source>
        <translation>Blank (not chosen)</translation>
    </message>
    <message>
        <source>Agree</source>
        <translation>Agree</translation>
    </message>
    <message>
        <source>Disagree</source>
        <translation>Disagree</translation>
    </message>
    <message>
        <source>Blank</source>
        <translation>Blank</translation>
    </message>
    <message>
        <source>Award: %1</source>
        <translation>Award: %1</translation>
    </message>
    <message>
        <source>Leave blank</source>
        <translation>Leave blank</translation>
    </message>
    <message>
        <source>%1: %2 (nominee %3)</source>
        <translation>%1: %2 (nominee %3)</translation>
    </message>
</context>
<context>
    <name>cv::gui::IdentityScreen</name>
    <message>
        <source>Too short: at least %1 characters. A sentence of several words is best.</source>
        <translation>Too short: at least %1 characters. A sentence of several words is best.</translation>
    </message>
    <message>
        <source>Weak: easy to guess. Add more words.</source>
        <translation>Weak: easy to guess. Add more words.</translation>
    </message>
    <message>
        <source>Fair: one or two more words would make it strong.</source>
        <translation>Fair: one or two more words would make it strong.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Strong.</translation>
    </message>
    <message>
        <source>The two entries differ.</source>
        <translation>The two entries differ.</translation>
    </message>
    <message>
        <source>Type your name (as on the council's list).</source>
        <translation>Type your name (as on the council's list).</translation>
    </message>
    <message>
        <source>The passphrase is too short: at least %1 characters.</source>
        <translation>The passphrase is too short: at least %1 characters.</translation>
    </message>
    <message>
        <source>The two passphrases differ. Type them again.</source>
        <translation>The two passphrases differ. Type them again.</translation>
    </message>
    <message>
        <source>Create your identity</source>
        <translation>Create your identity</translation>
    </message>
    <message>
        <source>This computer makes your voting key. The key never leaves this computer; it is sealed with a passphrase that only you know. Choose a passphrase of several words that you will remember: nobody can recover it for you.</source>
        <translation>This computer makes your voting key. The key never leaves this computer; it is sealed with a passphrase that only you know. Choose a passphrase of several words that you will remember: nobody can recover it for you.</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>Your name:</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>Passphrase again:</source>
        <translation>Passphrase again:</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Your name</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Passphrase again</translation>
    </message>
    <message>
        <source>Create identity</source>
        <translation>Create identity</translation>
    </message>
</context>
<context>
    <name>cv::gui::MainWindow</name>
    <message>
        <source>CouncilVote — member</source>
        <translation>CouncilVote — member</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Member</source>
        <translation>&amp;Member</translation>
    </message>
    <message>
        <source>My public key</source>
        <translation>My public key</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Text size 100 %</source>
        <translation>Text size 100 %</translation>
    </message>
    <message>
        <source>Text size 125 %</source>
        <translation>Text size 125 %</translation>
    </message>
    <message>
        <source>Text size 150 %</source>
        <translation>Text size 150 %</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>High contrast</translation>
    </message>
    <message>
        <source>&amp;Language / Ngôn ngữ</source>
        <translation>&amp;Language / Ngôn ngữ</translation>
    </message>
    <message>
        <source>Vote-counting committee (trustee)…</source>
        <translation>Vote-counting committee (trustee)…</translation>
    </message>
</context>
<context>
    <name>cv::gui::PollScreen</name>
    <message>
        <source>This poll has a question this version of the program cannot show. Vote with councilvote-cli, or ask the secretary.</source>
        <translation>This poll has a question this version of the program cannot show. Vote with councilvote-cli, or ask the secretary.</translation>
    </message>
    <message>
        <source>Agree with everyone in this group</source>
        <translation>Agree with everyone in this group</translation>
    </message>
    <message numerus="yes">
        <source>This changes %n choice(s) you already made in this group to "Agree".</source>
        <translation><numerusform>This changes %n choice you already made in this group to "Agree".</numerusform><numerusform>This changes %n choices you already made in this group to "Agree".</numerusform></translation>
    </message>
    <message>
        <source>Change them to Agree</source>
        <translation>Change them to Agree</translation>
    </message>
    <message>
        <source>Keep my choices</source>
        <translation>Keep my choices</translation>
    </message>
    <message>
        <source>%1 / %2 chosen</source>
        <translation>%1 / %2 chosen</translation>
    </message>
    <message>
        <source>Early voting for members who are away: open until %1.</source>
        <translation>Early voting for members who are away: open until %1.</translation>
    </message>
    <message>
        <source>Voting is open.</source>
        <translation>Voting is open.</translation>
    </message>
    <message>
        <source>For each nominee choose Agree, Disagree or Leave blank. A row you do not mark counts as blank, never as Disagree. You can change any choice until you cast.</source>
        <translation>For each nominee choose Agree, Disagree or Leave blank. A row you do not mark counts as blank, never as Disagree. You can change any choice until you cast.</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n nominee(s))</source>
        <translation><numerusform>%1 (%n nominee)</numerusform><numerusform>%1 (%n nominees)</numerusform></translation>
    </message>
    <message>
        <source>Agree with everyone in the group %1</source>
        <translation>Agree with everyone in the group %1</translation>
    </message>
    <message>
        <source>Review my ballot →</source>
        <translation>Review my ballot →</translation>
    </message>
    <message>
        <source>Review my ballot</source>
        <translation>Review my ballot</translation>
    </message>
</context>
<context>
    <name>cv::gui::PublicKeyScreen</name>
    <message>
        <source>The key is copied; paste it where the secretary asks.</source>
        <translation>The key is copied; paste it where the secretary asks.</translation>
    </message>
    <message>
        <source>Save your public key</source>
        <translation>Save your public key</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Text files (*.txt)</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>The file could not be written: %1</translation>
    </message>
    <message>
        <source>Your public key</source>
        <translation>Your public key</translation>
    </message>
    <message>
        <source>Give this public key to the secretary: read it out, show the QR code, or hand over the file. It is not secret. The secretary registers it for your name; only then can you vote.</source>
        <translation>Give this public key to the secretary: read it out, show the QR code, or hand over the file. It is not secret. The secretary registers it for your name; only then can you vote.</translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation>Name: %1</translation>
    </message>
    <message>
        <source>Also kept in: %1</source>
        <translation>Also kept in: %1</translation>
    </message>
    <message>
        <source>QR code of your public key</source>
        <translation>QR code of your public key</translation>
    </message>
    <message>
        <source>Save as a file…</source>
        <translation>Save as a file…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>cv::gui::ReceiptScreen</name>
    <message>
        <source>You have voted</source>
        <translation>You have voted</translation>
    </message>
    <message>
        <source>Poll: %1</source>
        <translation>Poll: %1</translation>
    </message>
    <message>
        <source>Your tracking code:</source>
        <translation>Your tracking code:</translation>
    </message>
    <message>
        <source>Tracking code %1</source>
        <translation>Tracking code %1</translation>
    </message>
    <message>
        <source>Full code: %1
Received by the server at %2, bulletin board entry %3.</source>
        <translation>Full code: %1
Received by the server at %2, bulletin board entry %3.</translation>
    </message>
    <message>
        <source>Your receipt is saved in: %1</source>
        <translation>Your receipt is saved in: %1</translation>
    </message>
    <message>
        <source>The code does not show your choices: they stay secret. With it you can check at any time that your ballot is on the public bulletin board, and after the result is published, that it was counted.</source>
        <translation>The code does not show your choices: they stay secret. With it you can check at any time that your ballot is on the public bulletin board, and after the result is published, that it was counted.</translation>
    </message>
    <message>
        <source>Check against the published record</source>
        <translation>Check against the published record</translation>
    </message>
    <message>
        <source>Check on the bulletin board</source>
        <translation>Check on the bulletin board</translation>
    </message>
    <message>
        <source>Found: your ballot is entry %1 of the bulletin board, exactly as you cast it.</source>
        <translation>Found: your ballot is entry %1 of the bulletin board, exactly as you cast it.</translation>
    </message>
    <message>
        <source>The published record verifies and counts your ballot.</source>
        <translation>The published record verifies and counts your ballot.</translation>
    </message>
    <message>
        <source>The published record does NOT count your ballot as it should (%1). Keep your receipt file and tell the vote-counting committee (Ban kiểm phiếu) and the secretary at once.</source>
        <translation>The published record does NOT count your ballot as it should (%1). Keep your receipt file and tell the vote-counting committee (Ban kiểm phiếu) and the secretary at once.</translation>
    </message>
    <message>
        <source>The result is not published yet; check again after publication.</source>
        <translation>The result is not published yet; check again after publication.</translation>
    </message>
</context>
<context>
    <name>cv::gui::ReviewScreen</name>
    <message>
        <source>Cast your ballot</source>
        <translation>Cast your ballot</translation>
    </message>
    <message>
        <source>You are about to cast your ballot: %1 Agree, %2 Disagree, %3 Blank.

Once cast, your vote cannot be changed or taken back.</source>
        <translation>You are about to cast your ballot: %1 Agree, %2 Disagree, %3 Blank.

Once cast, your vote cannot be changed or taken back.</translation>
    </message>
    <message>
        <source>Cast my ballot</source>
        <translation>Cast my ballot</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Go back</translation>
    </message>
    <message>
        <source>Review your ballot</source>
        <translation>Review your ballot</translation>
    </message>
    <message>
        <source>Check every row. "Change" takes you back to that nominee. Your ballot is cast only when you press the button below and confirm.</source>
        <translation>Check every row. "Change" takes you back to that nominee. Your ballot is cast only when you press the button below and confirm.</translation>
    </message>
    <message>
        <source>Agree: %1 · Disagree: %2 · Blank: %3 (of which not chosen: %4)</source>
        <translation>Agree: %1 · Disagree: %2 · Blank: %3 (of which not chosen: %4)</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Change the choice for %1</source>
        <translation>Change the choice for %1</translation>
    </message>
    <message>
        <source>← Back to the ballot</source>
        <translation>← Back to the ballot</translation>
    </message>
    <message>
        <source>Back to the ballot</source>
        <translation>Back to the ballot</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Cast my ballot…</source>
        <translation>Cast my ballot…</translation>
    </message>
</context>
<context>
    <name>cv::gui::StatusPanel</name>
    <message>
        <source>Creating your identity (sealing the key with your passphrase)…</source>
        <translation>Creating your identity (sealing the key with your passphrase)…</translation>
    </message>
    <message>
        <source>Reading the enrollment bundle…</source>
        <translation>Reading the enrollment bundle…</translation>
    </message>
    <message>
        <source>Unlocking your key…</source>
        <translation>Unlocking your key…</translation>
    </message>
    <message>
        <source>Connecting to the meeting's server…</source>
        <translation>Connecting to the meeting's server…</translation>
    </message>
    <message>
        <source>Reading and checking the bulletin board…</source>
        <translation>Reading and checking the bulletin board…</translation>
    </message>
    <message>
        <source>Checking the poll…</source>
        <translation>Checking the poll…</translation>
    </message>
    <message>
        <source>Encrypting your ballot and making its proofs…</source>
        <translation>Encrypting your ballot and making its proofs…</translation>
    </message>
    <message>
        <source>Sending your ballot…</source>
        <translation>Sending your ballot…</translation>
    </message>
    <message>
        <source>Checking your ballot on the bulletin board…</source>
        <translation>Checking your ballot on the bulletin board…</translation>
    </message>
    <message>
        <source>Key ceremony: reading the board, sealing your state, sending and checking shares…</source>
        <translation>Key ceremony: reading the board, sealing your state, sending and checking shares…</translation>
    </message>
    <message>
        <source>Recomputing the tally from every ballot on the board…</source>
        <translation>Recomputing the tally from every ballot on the board…</translation>
    </message>
</context>
<context>
    <name>cv::gui::TrusteeScreen</name>
    <message>
        <source>Type the passphrase of your key file.</source>
        <translation>Type the passphrase of your key file.</translation>
    </message>
    <message>
        <source>There is no poll to decrypt on the board yet.</source>
        <translation>There is no poll to decrypt on the board yet.</translation>
    </message>
    <message>
        <source>Decrypt the totals?</source>
        <translation>Decrypt the totals?</translation>
    </message>
    <message numerus="yes">
        <source>Your part of the decryption of the totals of %n ballot(s) is sent to the server. With enough parts the totals become public; no single ballot is ever decrypted.</source>
        <translation><numerusform>Your part of the decryption of the totals of %n ballot is sent to the server. With enough parts the totals become public; no single ballot is ever decrypted.</numerusform><numerusform>Your part of the decryption of the totals of %n ballots is sent to the server. With enough parts the totals become public; no single ballot is ever decrypted.</numerusform></translation>
    </message>
    <message>
        <source>Send my part</source>
        <translation>Send my part</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Go back</translation>
    </message>
    <message>
        <source>You are trustee %1 of %2; %3 of them are needed to decrypt.</source>
        <translation>You are trustee %1 of %2; %3 of them are needed to decrypt.</translation>
    </message>
    <message>
        <source>%1 trustees; %2 of them are needed to decrypt.</source>
        <translation>%1 trustees; %2 of them are needed to decrypt.</translation>
    </message>
    <message>
        <source>Your ceremony secrets are made, sealed with your passphrase on this computer, and read back.</source>
        <translation>Your ceremony secrets are made, sealed with your passphrase on this computer, and read back.</translation>
    </message>
    <message>
        <source>Your commitments and one encrypted share for each trustee are on the board.</source>
        <translation>Your commitments and one encrypted share for each trustee are on the board.</translation>
    </message>
    <message>
        <source>Every share sent to you has been checked against its sender's commitments.</source>
        <translation>Every share sent to you has been checked against its sender's commitments.</translation>
    </message>
    <message>
        <source>Your key share is saved sealed on this computer and has been read back and checked.</source>
        <translation>Your key share is saved sealed on this computer and has been read back and checked.</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Done: %1</translation>
    </message>
    <message>
        <source>Not yet: %1</source>
        <translation>Not yet: %1</translation>
    </message>
    <message>
        <source>The ceremony failed: %1. The secretary starts a new one.</source>
        <translation>The ceremony failed: %1. The secretary starts a new one.</translation>
    </message>
    <message>
        <source>Still waiting for: %1.</source>
        <translation>Still waiting for: %1.</translation>
    </message>
    <message>
        <source>Tell the secretary that your shares verified. Waiting for the ceremony to complete…</source>
        <translation>Tell the secretary that your shares verified. Waiting for the ceremony to complete…</translation>
    </message>
    <message>
        <source>Your key share of this ceremony is already saved: %1</source>
        <translation>Your key share of this ceremony is already saved: %1</translation>
    </message>
    <message>
        <source>The ceremony is complete. Joint key %1. Your key share: %2</source>
        <translation>The ceremony is complete. Joint key %1. Your key share: %2</translation>
    </message>
    <message numerus="yes">
        <source>Poll %1: the tally of %n ballot(s), recomputed on this computer from every ballot on the board and equal to the server's (board entry %2). Tally fingerprint: %3.</source>
        <translation><numerusform>Poll %1: the tally of %n ballot, recomputed on this computer from every ballot on the board and equal to the server's (board entry %2). Tally fingerprint: %3.</numerusform><numerusform>Poll %1: the tally of %n ballots, recomputed on this computer from every ballot on the board and equal to the server's (board entry %2). Tally fingerprint: %3.</numerusform></translation>
    </message>
    <message>
        <source>The server accepted your part. It now holds %1 of the %2 parts needed (trustees %3).</source>
        <translation>The server accepted your part. It now holds %1 of the %2 parts needed (trustees %3).</translation>
    </message>
    <message>
        <source>Nothing has been sent yet. The server holds %1 of the %2 parts needed.</source>
        <translation>Nothing has been sent yet. The server holds %1 of the %2 parts needed.</translation>
    </message>
    <message>
        <source>Vote-counting committee (Ban kiểm phiếu)</source>
        <translation>Vote-counting committee (Ban kiểm phiếu)</translation>
    </message>
    <message>
        <source>Your key and the connection are the ones you unlocked. The passphrase below is the one of your key file: it seals your ceremony secrets and your key share on this computer. Nothing secret leaves it unencrypted.</source>
        <translation>Your key and the connection are the ones you unlocked. The passphrase below is the one of your key file: it seals your ceremony secrets and your key share on this computer. Nothing secret leaves it unencrypted.</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>Passphrase of your key file</source>
        <translation>Passphrase of your key file</translation>
    </message>
    <message>
        <source>1. Key ceremony</source>
        <translation>1. Key ceremony</translation>
    </message>
    <message>
        <source>Start or resume the ceremony</source>
        <translation>Start or resume the ceremony</translation>
    </message>
    <message>
        <source>2. Decryption of the totals</source>
        <translation>2. Decryption of the totals</translation>
    </message>
    <message>
        <source>Recompute the tally from the board</source>
        <translation>Recompute the tally from the board</translation>
    </message>
    <message>
        <source>Decrypt my part…</source>
        <translation>Decrypt my part…</translation>
    </message>
    <message>
        <source>The tally</source>
        <translation>The tally</translation>
    </message>
    <message>
        <source>What the count reveals</source>
        <translation>What the count reveals</translation>
    </message>
    <message>
        <source>Parts held by the server</source>
        <translation>Parts held by the server</translation>
    </message>
    <message>
        <source>Trustees</source>
        <translation>Trustees</translation>
    </message>
    <message>
        <source>Waiting for</source>
        <translation>Waiting for</translation>
    </message>
    <message>
        <source>Joint key</source>
        <translation>Joint key</translation>
    </message>
</context>
<context>
    <name>cv::gui::UnlockScreen</name>
    <message>
        <source>Type your passphrase.</source>
        <translation>Type your passphrase.</translation>
    </message>
    <message>
        <source>Unlock and connect</source>
        <translation>Unlock and connect</translation>
    </message>
    <message>
        <source>Identity: %1</source>
        <translation>Identity: %1</translation>
    </message>
    <message>
        <source>Meeting %1 on server %2 (bundle code %3)</source>
        <translation>Meeting %1 on server %2 (bundle code %3)</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
</context>
<context>
    <name>cv::gui::WaitingScreen</name>
    <message>
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <source>No poll is open at the moment. This screen changes by itself when the secretary opens one.</source>
        <translation>No poll is open at the moment. This screen changes by itself when the secretary opens one.</translation>
    </message>
    <message>
        <source>The poll "%1" is not open for voting now, and you have not voted in it.</source>
        <translation>The poll "%1" is not open for voting now, and you have not voted in it.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
</context>
</TS>