import type { Bilingual, KaijiErrorInfo } from './result';

/**
 * Every error a user can see, with its message in Japanese and English.
 * Messages may interpolate `{name}` placeholders from the error's details.
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
    ja: '「{file}」は空のファイルです。',
    en: '"{file}" is empty.',
  },
  FILE_CORRUPT: {
    ja: '「{file}」は壊れているため読み込めません。',
    en: '"{file}" is damaged and cannot be read.',
  },
  FILE_TRUNCATED: {
    ja: '「{file}」は途中で切れています（転送やスキャンが完了していない可能性があります）。',
    en: '"{file}" is cut short (the copy or scan may not have finished).',
  },
  FILE_ENCRYPTED: {
    ja: '「{file}」はパスワードで保護されているため読み込めません。保護を解除したファイルを取り込んでください。',
    en: '"{file}" is password-protected. Import a copy without the password.',
  },
  FILE_TOO_LARGE: {
    ja: '「{file}」は大きすぎます（{width}×{height} ピクセル、上限 {limit} メガピクセル）。スキャナーの解像度を 300 dpi 程度にしてください。',
    en: '"{file}" is too large ({width}×{height} px, limit {limit} megapixels). Scan at about 300 dpi.',
  },
  FILE_TOO_MANY_PAGES: {
    ja: '「{file}」はページ数が多すぎます（{pages} ページ、上限 {limit} ページ）。申請書ごとにファイルを分けてください。',
    en: '"{file}" has too many pages ({pages}; the limit is {limit}). Split it into one file per application.',
  },
  FILE_UNSUPPORTED: {
    ja: '「{file}」は対応していない形式です（JPEG、PNG、TIFF、PDF に対応）。',
    en: '"{file}" is not a supported format (JPEG, PNG, TIFF and PDF are).',
  },
  OCR_FAILED: {
    ja: 'ページの文字認識に失敗しました。画像は保存されています。手入力してください。',
    en: 'Text recognition failed for this page. The image is saved; please type the values.',
  },
  INVALID_DATE: {
    ja: '「{value}」は正しい日付ではありません。',
    en: '"{value}" is not a valid date.',
  },
  TRACKING_NUMBER_INVALID: {
    ja: 'お問い合わせ番号「{number}」が正しくありません（{whyJa}）。番号を確認するか、理由を記入して登録してください。',
    en: 'Tracking number "{number}" is not valid ({whyEn}). Check it, or record it with a reason.',
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
    ja: '額面 {value} 円の定額小為替はありません（50円〜1,000円の12種類）。',
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
  INTERNAL: {
    ja: '予期しないエラーが発生しました。操作は保存されていません。',
    en: 'An unexpected error occurred. Nothing was saved.',
  },
} as const satisfies Record<string, Bilingual>;

export type ErrorCode = keyof typeof errorMessages;

function fill(template: string, details: Record<string, unknown> | undefined): string {
  if (!details) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in details ? String(details[k]) : m));
}

/** Thrown by services; turned into a `Result` error at the transport edge. */
export class KaijiError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;
  constructor(code: ErrorCode, details?: Record<string, unknown>) {
    super(fill(errorMessages[code].en, details));
    this.name = 'KaijiError';
    this.code = code;
    this.details = details;
  }
  toInfo(): KaijiErrorInfo {
    return errorInfo(this.code, this.details);
  }
}

export function errorInfo(code: ErrorCode, details?: Record<string, unknown>): KaijiErrorInfo {
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
