import type { Bilingual, KaijiErrorInfo } from './result';

/**
 * Every error a user can see, with its message in Japanese and English.
 * Messages may interpolate `{name}` placeholders from the error's details. Neither the
 * messages nor the details carry personal values (dates, numbers, file names): errors are
 * logged and shown; the screen that sent the value shows it back itself (issue 11, finding 7).
 */
export const errorMessages = {
  INVALID_INPUT: { ja: '入力内容に誤りがあります。', en: 'The input is not valid.' },
  UNKNOWN_CHANNEL: { ja: '不明な操作です。', en: 'Unknown operation.' },
  FORBIDDEN: {
    ja: 'この操作を行う権限がありません。',
    en: 'You are not allowed to do this.',
  },
  LOCKED: {
    ja: 'Kaiji はロックされています。パスフレーズで解除してください。',
    en: 'Kaiji is locked. Unlock it with your passphrase.',
  },
  NOT_INITIALIZED: {
    ja: 'まだ初期設定が行われていません。',
    en: 'Kaiji has not been set up yet.',
  },
  ALREADY_INITIALIZED: {
    ja: 'このデータフォルダはすでに初期設定済みです。',
    en: 'This data folder is already set up.',
  },
  WRONG_PASSPHRASE: {
    ja: 'ログイン名またはパスフレーズが正しくありません。',
    en: 'The login name or passphrase is not correct.',
  },
  TOO_MANY_ATTEMPTS: {
    ja: '失敗が続いたため、{seconds} 秒後に再度お試しください。',
    en: 'Too many failed attempts. Try again in {seconds} seconds.',
  },
  WRONG_RECOVERY_KEY: {
    ja: '回復キーが正しくありません。',
    en: 'The recovery key is not correct.',
  },
  PASSPHRASE_CHANGE_REQUIRED: {
    ja: 'パスフレーズを変更してください。管理者が設定したパスフレーズは、最初のサインインで変更するまで使えません。',
    en: 'Change your passphrase first: a passphrase set by an administrator must be changed at first sign-in.',
  },
  PASSPHRASE_UNCHANGED: {
    ja: '新しいパスフレーズは、今のパスフレーズと違うものにしてください。',
    en: 'The new passphrase must differ from the current one.',
  },
  ACCOUNT_DISABLED: {
    ja: 'このアカウントは無効にされています。管理者に連絡してください。',
    en: 'This account is disabled. Contact your administrator.',
  },
  WEAK_PASSPHRASE: {
    ja: 'パスフレーズは12文字以上にしてください。',
    en: 'The passphrase must be at least 12 characters long.',
  },
  LOGIN_TAKEN: {
    ja: 'このログイン名はすでに使われています。',
    en: 'This login name is already in use.',
  },
  NOT_FOUND: { ja: '対象が見つかりません。', en: 'Not found.' },
  LAST_ADMINISTRATOR: {
    ja: '有効な管理者が最低1名必要です。',
    en: 'At least one active administrator must remain.',
  },
  CANNOT_CHANGE_SELF: {
    ja: '自分自身のアカウントはこの方法で変更できません。',
    en: 'You cannot change your own account this way.',
  },
  VAULT_TOO_NEW: {
    ja: 'このデータは新しいバージョンの Kaiji で作成されています（データ形式 {found}、このアプリは {supported} まで）。データには一切変更を加えていません。Kaiji を更新してください。',
    en: 'This data was written by a newer Kaiji (data version {found}; this app supports up to {supported}). Nothing was changed. Please update Kaiji.',
  },
  VAULT_CORRUPT: {
    ja: 'データベースを開けませんでした。ファイルが壊れているか、別の鍵で暗号化されています。',
    en: 'The database could not be opened: the file is damaged or encrypted with another key.',
  },
  VAULT_BUSY: {
    ja: 'このデータフォルダは別の Kaiji が使用中です。',
    en: 'Another Kaiji is using this data folder.',
  },
  FILE_EMPTY: {
    ja: 'このファイルは空です。',
    en: 'This file is empty.',
  },
  FILE_CORRUPT: {
    ja: 'このファイルは壊れているため読み込めません。',
    en: 'This file is damaged and cannot be read.',
  },
  FILE_TRUNCATED: {
    ja: 'このファイルは途中で切れています（転送やスキャンが完了していない可能性があります）。',
    en: 'This file is cut short (the copy or scan may not have finished).',
  },
  FILE_ENCRYPTED: {
    ja: 'このファイルはパスワードで保護されているため読み込めません。保護を解除したファイルを取り込んでください。',
    en: 'This file is password-protected. Import a copy without the password.',
  },
  FILE_TOO_LARGE: {
    ja: 'このファイルは大きすぎます（{width}×{height} ピクセル、上限 {limit} メガピクセル）。スキャナーの解像度を 300 dpi 程度にしてください。',
    en: 'This file is too large ({width}×{height} px, limit {limit} megapixels). Scan at about 300 dpi.',
  },
  FILE_TOO_MANY_PAGES: {
    ja: 'このファイルはページ数が多すぎます（{pages} ページ、上限 {limit} ページ）。申請書ごとにファイルを分けてください。',
    en: 'This file has too many pages ({pages}; the limit is {limit}). Split it into one file per application.',
  },
  FILE_UNSUPPORTED: {
    ja: 'このファイルは対応していない形式です（JPEG、PNG、TIFF、PDF に対応）。',
    en: 'This file is not a supported format (JPEG, PNG, TIFF and PDF are).',
  },
  OCR_FAILED: {
    ja: 'ページの文字認識に失敗しました。画像は保存されています。手入力してください。',
    en: 'Text recognition failed for this page. The image is saved; please type the values.',
  },
  INVALID_DATE: {
    ja: '正しい日付ではないか、ありえない範囲の日付です。',
    en: 'A date is not valid, or lies outside the range it can have.',
  },
  TRACKING_NUMBER_INVALID: {
    ja: 'お問い合わせ番号が正しくありません（{whyJa}）。番号を確認するか、理由を記入して登録してください。',
    en: 'The tracking number is not valid ({whyEn}). Check it, or record it with a reason.',
  },
  DATE_IN_FUTURE: {
    ja: '{fieldJa}に未来の日付は指定できません。',
    en: 'The {fieldEn} cannot be in the future.',
  },
  ILLEGAL_TRANSITION: {
    ja: '案件を「{fromJa}」から「{toJa}」にすることはできません。',
    en: 'A case cannot go from "{fromEn}" to "{toEn}".',
  },
  // Verification (#4): deficiencies, re-submission, masking.
  DEFICIENCY_REASON_REQUIRED: {
    ja: 'チェックリストに不備が見つかっていません。不備とする理由を記載してください（不備通知に記載されます）。',
    en: 'The checklist found no deficiency. Write the reason the application is deficient (it goes on the deficiency notice).',
  },
  NOT_WAITING_FOR_RESUBMISSION: {
    ja: '案件 {caseNo} は再提出待ち（不備）ではありません。',
    en: 'Case {caseNo} is not waiting for a re-submission (deficient).',
  },
  REPEAT_REFUSAL_INVALID: {
    ja: '繰り返しの請求として拒否できません。{problemsJa}',
    en: 'The request cannot be refused as repeated. {problemsEn}',
  },
  MASK_OUTSIDE_PAGE: {
    ja: 'マスクの範囲がページの外にあります。',
    en: 'A masked area lies outside the page.',
  },
  // Money-order ledger and registered mail (#5, F1-F4, M1/M2).
  MONEY_ORDER_ILLEGAL_CHANGE: {
    ja: '「{fromJa}」の定額小為替を「{toJa}」にすることはできません。',
    en: 'A money order that is "{fromEn}" cannot become "{toEn}".',
  },
  MONEY_ORDER_FACE_VALUE_UNKNOWN: {
    ja: '額面 {value}円の定額小為替はありません（50円〜1,000円の12種類）。',
    en: 'No fixed postal money order has a face value of {value} yen (there are 12, from 50 to 1,000 yen).',
  },
  MONEY_ORDER_DUPLICATE: {
    ja: '証書番号「{certificateNo}」の定額小為替は案件 {caseNo} で既に記録されています。',
    en: 'A money order with certificate number "{certificateNo}" is already recorded on case {caseNo}.',
  },
  DATE_ORDER: {
    ja: '{laterJa}は{earlierJa}より前の日付にできません。',
    en: 'The {laterEn} cannot be before the {earlierEn}.',
  },
  MONEY_ORDER_NOT_LAPSED: {
    ja: 'この定額小為替の払渡期間は {untilJa} まであります。期間経過として記録できません。',
    en: 'This money order is payable until {until}: it cannot be recorded as lapsed yet.',
  },
  EXPORT_PLAINTEXT_NOT_ACKNOWLEDGED: {
    ja: '暗号化しないファイルを書き出すには、注意事項の確認が必要です。',
    en: 'An unencrypted export needs the warning to be acknowledged first.',
  },
  EXPORT_CSV_NOT_ENCRYPTABLE: {
    ja: 'CSV はパスワードで暗号化できません。暗号化する場合は XLSX を選んでください。',
    en: 'A CSV file cannot be password-encrypted: choose XLSX for an encrypted export.',
  },
  MAIL_PROOF_NOT_AVAILABLE: {
    ja: '配達証明は一般書留で差し出した郵便物にのみ付けられます。',
    en: 'Proof of delivery can only be bought for general registered mail (一般書留).',
  },
  MAIL_ITEM_CLOSED: {
    ja: 'この郵便物は既に{stateJa}として記録されています。',
    en: 'This item is already recorded as {stateEn}.',
  },
  DECISION_INVALID: { ja: '{ja}', en: '{en}' },
  DECISION_NOT_ALLOWED: {
    ja: '「{stateJa}」の案件には決定を記録できません（受理後・回答前のみ）。',
    en: 'A decision cannot be recorded for a case that is "{stateEn}" (only after acceptance, before the response).',
  },
  KIND_NOT_REQUESTED: {
    ja: 'この案件では{kind}は請求されていません。',
    en: '{kind} was not requested in this application.',
  },
  LETTER_ISSUED: {
    ja: 'この書面は発行済みのため変更できません。変更が必要な場合は新しい書面を作成してください。',
    en: 'This letter has been issued and cannot be changed. Create a new letter if something must change.',
  },
  LETTER_NOT_ISSUED: {
    ja: 'この書面はまだ発行されていません。',
    en: 'This letter has not been issued yet.',
  },
  LETTER_NEEDS_DECISIONS: {
    ja: '回答書を作成する前に、請求された全ての種類（{kinds}）について決定を記録してください。',
    en: 'Record a decision for every requested kind ({kinds}) before writing the response.',
  },
  LETTER_WRONG_STATE: {
    ja: '「{stateJa}」の案件にはこの書面を発行できません。',
    en: 'This letter cannot be issued for a case that is "{stateEn}".',
  },
  LETTER_DATA_MISSING: {
    ja: 'この書面に必要な情報がありません：{whatJa}',
    en: 'This letter needs information that is missing: {whatEn}',
  },
  LETTER_ADDRESS_TOO_LONG: {
    ja: '宛先の住所・氏名が長すぎて封筒の窓に収まりません。住所を短くするか、宛名ラベルをお使いください。',
    en: 'The address and name are too long for the envelope window. Shorten the address or use an address label.',
  },
  LETTER_GLYPH_MISSING: {
    ja: '次の文字は書面に印刷できません（字形がありません）：{chars}',
    en: 'These characters cannot be printed in a letter (no glyph): {chars}',
  },
  CONTACT_ALREADY_MAILED: {
    ja: 'このご案内はすでに発送済みとして記録されています。',
    en: 'This guidance letter is already logged as mailed.',
  },
  // Case lifecycle (#10): roles as rules, the close guard, unconfirmed kinds.
  ROLE_FORBIDS: {
    ja: '「{actionJa}」は{rolesJa}のみが行えます。',
    en: 'Only {rolesEn} may {actionEn}.',
  },
  // Work assignment (#13 item 2a).
  CASE_ALREADY_ASSIGNED: {
    ja: 'この案件にはすでに担当者がいます。変更は管理者が行います。',
    en: 'This case already has a person in charge. An administrator changes it.',
  },
  ASSIGNEE_NOT_ELIGIBLE: {
    ja: '担当者にできるのは、有効な管理者または事務担当の職員だけです。',
    en: 'Only an active administrator or clerk can be in charge of a case.',
  },
  MOVE_FOLLOWS_ACTION: {
    ja: '「{toJa}」への変更は、決定の記録や回答書の発行に伴って行われます。手動では変更できません。',
    en: 'A case becomes "{toEn}" by recording a decision or issuing an answer, not by hand.',
  },
  CASE_STILL_OWES: {
    ja: 'この案件にはまだ未了の事項があるため完了にできません：{itemsJa}',
    en: 'This case cannot be closed while something is still owed: {itemsEn}',
  },
  WAIVER_REASON_REQUIRED: {
    ja: '未了の事項（{itemsJa}）を残して完了にするには、理由を記載してください（各事項とともに記録されます）。',
    en: 'Closing with something still owed ({itemsEn}) needs a written reason (stored with each waived item).',
  },
  KINDS_UNCONFIRMED: {
    ja: 'OCR で読み取った請求種別（{kinds}）がまだ確認されていません。申請書を見て確認してください。',
    en: 'The requested kinds read by OCR ({kinds}) are not confirmed yet. Check them against the application.',
  },
  LETTER_AWAITING_APPROVAL: {
    ja: 'この書面は決裁（作成者以外の管理者の承認）が済んでいないため発行できません。',
    en: 'This letter cannot be issued before another administrator approves it.',
  },
  APPROVAL_SELF: {
    ja: '自分で作成・変更した書面や、自分が行った決定を載せた書面は決裁できません。別の管理者に依頼してください。',
    en: 'You cannot approve a letter you drafted or changed, or one that carries your own decision. Ask another administrator.',
  },
  TRASH_GONE: {
    ja: 'ごみ箱に見つかりません（すでに元に戻されたか、完全に削除されています）。',
    en: 'Not in the trash (already restored or deleted for good).',
  },
  LETTER_NEEDS_APPROVAL: {
    ja: 'この書面は決定後に本文が変更されたため、管理者の承認が必要です。',
    en: 'The text of this letter changed after the decision: an administrator must approve it.',
  },
  BACKUP_UNREADABLE: {
    ja: 'バックアップファイルを開けませんでした。場所と名前を確認してください。',
    en: 'The backup file could not be opened. Check where it is and its name.',
  },
  BACKUP_INVALID: {
    ja: 'このファイルは Kaiji のバックアップではありません。何も変更していません。',
    en: 'This file is not a Kaiji backup. Nothing was changed.',
  },
  BACKUP_DAMAGED: {
    ja: 'バックアップファイルが壊れているか、途中で切れているか、書き換えられています。このファイルからは復元できません。何も変更していません。別の世代のバックアップをお使いください。',
    en: 'The backup file is damaged, cut short or has been altered. It cannot be restored. Nothing was changed. Use another generation of the backup.',
  },
  BACKUP_TOO_NEW: {
    ja: 'このバックアップは新しいバージョンの Kaiji で作成されています（形式 {found}、このアプリは {supported} まで）。何も変更していません。Kaiji を更新してから復元してください。',
    en: 'This backup was made by a newer Kaiji (format {found}; this app supports up to {supported}). Nothing was changed. Update Kaiji, then restore.',
  },
  BACKUP_FAILED: {
    ja: 'バックアップを作成できませんでした（{step}）。以前のバックアップはそのまま残っています。',
    en: 'The backup could not be made ({step}). Earlier backups are untouched.',
  },
  BACKUP_NOT_VERIFIED: {
    ja: '書き出したバックアップを読み戻して確認できませんでした（{check}）。このファイルはバックアップとして数えません。',
    en: 'The backup written could not be verified when read back ({check}). It does not count as a backup.',
  },
  BACKUP_NO_FOLDER: {
    ja: 'バックアップの保存先フォルダが設定されていないか、書き込めません。',
    en: 'No backup folder is set, or it cannot be written to.',
  },
  BACKUP_RUNNING: {
    ja: 'バックアップを作成中です。終わってからもう一度お試しください。',
    en: 'A backup is already running. Try again when it has finished.',
  },
  BACKUP_PIECE_DAMAGED: {
    ja: 'バックアップの部品ファイル（ページ画像またはデータベースの区画、{count} 件）が見つからないか、壊れているか、書き換えられています。この世代からは復元できません。何も変更していません。別の世代のバックアップをお使いください。',
    en: 'Files of the backup ({count} page images or database chunks) are missing, damaged or have been altered. This generation cannot be restored. Nothing was changed. Use another generation of the backup.',
  },
  PAGE_FILE_MISSING: {
    ja: 'ページ画像のファイルが見つかりません。データフォルダが不完全です。バックアップから復元してください。',
    en: 'A page image file is missing: the data folder is incomplete. Restore from a backup.',
  },
  PAGE_FILE_DAMAGED: {
    ja: 'ページ画像のファイルが壊れているか、書き換えられています。バックアップから復元してください。',
    en: 'A page image file is damaged or has been altered. Restore from a backup.',
  },
  RESTORE_TARGET_NOT_EMPTY: {
    ja: '復元先のフォルダには既に Kaiji のデータがあります。空のフォルダを選んでください。何も変更していません。',
    en: 'The restore folder already holds Kaiji data. Choose an empty folder. Nothing was changed.',
  },
  RESTORE_WRONG_CREDENTIALS: {
    ja: 'このバックアップをそのログイン名・パスフレーズまたは復旧キーで開けませんでした。バックアップ作成時点のものを入力してください。何も変更していません。',
    en: 'This backup could not be opened with that login and passphrase or recovery key. Use the ones valid when the backup was made. Nothing was changed.',
  },
  LEGAL_HOLD: {
    ja: '案件 {caseNo} は訴訟等のため保存（リーガルホールド）中です。廃棄できません。',
    en: 'Case {caseNo} is under a legal hold and cannot be disposed of.',
  },
  DISPOSAL_NOT_DUE: {
    ja: '案件 {caseNo} の{classJa}はまだ保存期間内です（{dueOn} から廃棄できます）。',
    en: 'The {classEn} of case {caseNo} are still within their retention period (disposal from {dueOn}).',
  },
  PROVISION_ENTRY_INVALID: { ja: '{ja}', en: '{en}' },
  PROVISION_FILE_UNREADABLE: {
    ja: 'ファイルを読み取れません（CSV または XLSX を選んでください）。',
    en: 'The file cannot be read (choose a CSV or XLSX file).',
  },
  PROVISION_MAPPING_INCOMPLETE: {
    ja: '必須の項目に列が割り当てられていません：{fieldsJa}',
    en: 'Required fields have no column: {fieldsEn}',
  },
  PROVISION_MATCH_NOT_CANDIDATE: {
    ja: '選んだ記録はこの請求者の候補ではありません。',
    en: 'A chosen record is not a candidate for this requester.',
  },
  SEALED_VALUE_DAMAGED: {
    ja: 'オフィスデータベースの暗号化された値を開けません（{table}.{column}）。値が改ざんされたか、別の行・列から移されています。管理者に連絡してください。',
    en: 'An encrypted value in the office database cannot be opened ({table}.{column}): it was altered or moved from another row or column. Contact your administrator.',
  },
  MIGRATE_TARGET_NOT_EMPTY: {
    ja: '移行先が空ではありません（{target}）。空のデータベースまたは空のフォルダを指定してください。',
    en: 'The target is not empty ({target}). Choose an empty database or an empty folder.',
  },
  MIGRATE_MISMATCH: {
    ja: '移行の照合で不一致がありました（{table}、行 {row}）。移行を中止しました。移行先を作り直してから、もう一度実行してください。',
    en: 'The move stopped: verification found a difference ({table}, row {row}). Re-create the target and run the move again.',
  },
  MIGRATE_SCHEMA_MISMATCH: {
    ja: 'オフィスデータベースのスキーマ（版 {found}）がこの Kaiji（版 {expected}）と一致しません。先に upgrade を実行してください。',
    en: 'The office database schema (version {found}) does not match this Kaiji (version {expected}). Run upgrade first.',
  },
  /** #16 item 3: an edit from a stale view (optimistic versions); the screen reloads and keeps what was typed. */
  CONFLICT: {
    ja: '他の端末でこの{whatJa}が変更されました。再読み込みしてください。',
    en: 'Another desk changed this {whatEn}; reload it.',
  },
  INTERNAL: {
    ja: '予期しないエラーが発生しました。操作は保存されていません。',
    en: 'An unexpected error occurred. Nothing was saved.',
  },
  // #16: an office database (several desks on PostgreSQL).
  OFFICE_NOT_HERE: {
    ja: 'この操作は事務所データベース（PostgreSQL）では使えません。鍵の管理と保存は事務所のサーバー側で行います。',
    en: 'This is not available on an office database (PostgreSQL): its keys and storage are managed on the office server.',
  },
  OFFICE_BACKUP_BY_SERVER: {
    ja: '事務所データベースのバックアップはサーバーの pg_dump で取ります（内容はデスクで暗号化済みです）。この画面からはバックアップしません。',
    en: 'An office database is backed up on its server with pg_dump (its contents are encrypted at the desks). Kaiji does not back it up from here.',
  },
  OFFICE_SCHEMA_OLD: {
    ja: '事務所データベースのデータ形式（{found}）がこの Kaiji（{supported}）より古いままです。事務所の管理者に `npm run office -- upgrade` を依頼してください。何も変更していません。',
    en: 'The office database is at data version {found}, older than this Kaiji ({supported}). Ask the office administrator to run `npm run office -- upgrade`. Nothing was changed.',
  },
  OFFICE_UNREACHABLE: {
    ja: '事務所データベースに接続できません。ネットワークと設定（office.json）を確認してください。',
    en: 'The office database cannot be reached. Check the network and the desk settings (office.json).',
  },
  // #16 item 1: the connection screen's test (office.check) and switch (office.use).
  OFFICE_WRONG_PASSWORD: {
    ja: '事務所データベースのユーザー名またはパスワードが正しくありません。',
    en: 'The office database refused the user name or password.',
  },
  OFFICE_LOGIN_REFUSED: {
    ja: '事務所データベースのサーバーがこの端末からの接続を許可していません（pg_hba.conf）。事務所の管理者に確認してください。',
    en: 'The office database server does not accept this desk (pg_hba.conf). Ask the office administrator.',
  },
  OFFICE_NO_DATABASE: {
    ja: 'そのサーバーに、指定した名前のデータベースがありません。',
    en: 'The server has no database of that name.',
  },
  OFFICE_TLS_REQUIRED: {
    ja: 'この端末以外（ループバック以外）のサーバーには、事務所の CA 証明書による TLS 接続が必要です。CA ファイルを選んでください。',
    en: 'A server other than this machine (not loopback) needs TLS with the office CA certificate. Choose the CA file.',
  },
  OFFICE_NO_TLS: {
    ja: 'サーバーが TLS（SSL）接続に対応していません。事務所の管理者にサーバーの TLS 設定を依頼してください。',
    en: 'The server does not accept TLS (SSL) connections. Ask the office administrator to turn TLS on.',
  },
  OFFICE_WRONG_CA: {
    ja: 'サーバーの証明書を、選んだ CA 証明書で確認できません（CA が違うか、証明書のホスト名が一致しません）。',
    en: "The server's certificate cannot be verified with the chosen CA (another CA, or the certificate does not name this host).",
  },
  OFFICE_CA_INVALID: {
    ja: '選んだファイルは CA 証明書（PEM）として読めません。',
    en: 'The chosen file cannot be read as a CA certificate (PEM).',
  },
  OFFICE_NOT_KAIJI: {
    ja: 'このデータベースは Kaiji の事務所データベースではありません（Kaiji の表がありません）。データベース名とユーザーを確認してください。作成したばかりなら、事務所の管理者が `npm run office -- upgrade` で表を作ります。',
    en: 'This database is not a Kaiji office database (no Kaiji tables). Check the database name and user. If it was just created, the office administrator creates the tables with `npm run office -- upgrade`.',
  },
  OFFICE_SET_AT_START: {
    ja: 'この端末は起動時の指定（KAIJI_OFFICE または --office）で事務所データベースを使っています。画面から切り替えるには、その指定なしで起動してください。',
    en: 'This desk was started on an office database by KAIJI_OFFICE or --office. Start it without them to choose here.',
  },
  OFFICE_SIGN_OUT_FIRST: {
    ja: '接続先を切り替える前にロックしてください。',
    en: 'Lock Kaiji before switching databases.',
  },
} as const satisfies Record<string, Bilingual>;

export type ErrorCode = keyof typeof errorMessages;

function fill(template: string, details: Record<string, unknown> | undefined): string {
  if (!details) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in details ? String(details[k]) : m));
}

/**
 * Detail keys that would carry a personal value (a file name such as 山田太郎_免許証.png,
 * a tracking number). Dropped wherever an error is made, so no thrower can
 * leak one into a log, an audit summary or a result (finding 7).
 */
export const PERSONAL_DETAIL_KEYS: ReadonlySet<string> = new Set(['file', 'fileName', 'number', 'name', 'address', 'birthDate', 'typed']);

function withoutPersonal(details: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!details || !Object.keys(details).some((k) => PERSONAL_DETAIL_KEYS.has(k))) return details;
  const kept = Object.entries(details).filter(([k]) => !PERSONAL_DETAIL_KEYS.has(k));
  return kept.length ? Object.fromEntries(kept) : undefined;
}

/** Thrown by services; turned into a `Result` error at the transport edge. */
export class KaijiError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;
  constructor(code: ErrorCode, rawDetails?: Record<string, unknown>) {
    const details = withoutPersonal(rawDetails);
    super(fill(errorMessages[code].en, details));
    this.name = 'KaijiError';
    this.code = code;
    this.details = details;
  }
  toInfo(): KaijiErrorInfo {
    return errorInfo(this.code, this.details);
  }
}

export function errorInfo(code: ErrorCode, rawDetails?: Record<string, unknown>): KaijiErrorInfo {
  const details = withoutPersonal(rawDetails);
  const m = errorMessages[code];
  return {
    code,
    message: { ja: fill(m.ja, details), en: fill(m.en, details) },
    ...(details ? { details } : {}),
  };
}

/** A form field as error messages name it. */
export interface NamedField {
  fieldJa: string;
  fieldEn: string;
}

/** DATE_ORDER: `later` must not be before `earlier` (e.g. a cashing date before the receipt). */
export function dateOrderError(later: NamedField, earlier: NamedField): KaijiError {
  return new KaijiError('DATE_ORDER', { laterJa: later.fieldJa, laterEn: later.fieldEn, earlierJa: earlier.fieldJa, earlierEn: earlier.fieldEn });
}
