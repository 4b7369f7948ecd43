/**
 * The company's official form 「個人情報開示等請求書」 (Application for Disclosure, etc. of
 * Personal Information, rule I3) as pure data: every field's stable AcroForm name, labels,
 * kind and where it sits on the printed page, so that
 *  - the PDF generator draws boxes and places fillable fields from this one table, and
 *  - a scan of the printed (hand- or computer-filled) form can later be read zone by zone
 *    after aligning it on the 4 corner marks and identifying it by its QR code.
 *
 * Coordinates: PDF points (1/72 inch) on an A4 portrait page, ORIGIN TOP-LEFT, y grows
 * downwards (like image pixels, unlike PDF user space). A zone is { x, y, width, height }.
 * To map to a scan at `dpi`: px = pt * dpi / 72 (after deskewing on the alignment marks).
 *
 * Field names never change within a form version: bump FORM_VERSION (and the QR payload)
 * for any change of names or zones.
 */

export const FORM_ID = 'kaiji-appi-request';
export const FORM_VERSION = 1;
/** Encoded in the QR code printed on every page. */
export const FORM_QR_PAYLOAD = `KAIJI-FORM:${FORM_ID}:${FORM_VERSION}`;

export const PAGE = { width: 595.28, height: 841.89 } as const;

export interface Zone {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Solid black squares near the corners: scans are deskewed/scaled by finding them. */
export const MARK_SIZE = 14;
const MARK_INSET = 18;
export const ALIGNMENT_MARKS: readonly { id: 'tl' | 'tr' | 'bl' | 'br'; zone: Zone }[] = [
  { id: 'tl', zone: z(MARK_INSET, MARK_INSET, MARK_SIZE, MARK_SIZE) },
  { id: 'tr', zone: z(PAGE.width - MARK_INSET - MARK_SIZE, MARK_INSET, MARK_SIZE, MARK_SIZE) },
  { id: 'bl', zone: z(MARK_INSET, PAGE.height - MARK_INSET - MARK_SIZE, MARK_SIZE, MARK_SIZE) },
  { id: 'br', zone: z(PAGE.width - MARK_INSET - MARK_SIZE, PAGE.height - MARK_INSET - MARK_SIZE, MARK_SIZE, MARK_SIZE) },
];

/** Content area; everything except marks and footer stays inside it. */
const X0 = 48;
const X1 = PAGE.width - 48;
export const CONTENT: Zone = z(X0, 48, X1 - X0, PAGE.height - 96);

/** The QR symbol itself (without its 4-module quiet zone, which is kept blank around it). */
export const QR_ZONE: Zone = z(X1 - 8 - 58, 56, 58, 58);
export const QR_QUIET_ZONE: Zone = z(QR_ZONE.x - 8, QR_ZONE.y - 8, QR_ZONE.width + 16, QR_ZONE.height + 16);

export type FieldKind = 'text' | 'checkbox' | 'choice' | 'date';
/** I3: omissions make an application unacceptable; which omissions count depends on the field. */
export type FieldRequirement = 'always' | 'ifAgent' | 'optional';

export interface ChoiceOption {
  /** ASCII export value stored in the PDF (names with kanji are fragile across viewers). */
  value: string;
  label: string;
  labelEn: string;
  /** The tick box. */
  zone: Zone;
  /** The printed option text next to the box. */
  labelZone: Zone;
}

export interface FormField {
  name: FieldName;
  kind: FieldKind;
  label: string;
  labelEn: string;
  /** Where the value is written or ticked (for 'choice': the area holding all option boxes). */
  zone: Zone;
  /** Where the printed label is. */
  labelZone: Zone;
  /** 'cell': grey label cell left of the box; 'inline': text right of a tick box. */
  labelStyle: 'cell' | 'inline';
  page: 0;
  required: FieldRequirement;
  multiline?: boolean;
  options?: readonly ChoiceOption[];
  /** Request kinds that need the 1,000-yen fee (F1: K1, K2, K6). */
  fee?: boolean;
}

export const FIELD_NAMES = [
  'subject.kana',
  'subject.name',
  'subject.birthDate',
  'subject.phone',
  'subject.postalCode',
  'subject.address',
  'subject.accountId',
  'applicant.type',
  'agent.kana',
  'agent.name',
  'agent.postalCode',
  'agent.address',
  'agent.phone',
  'request.k1',
  'request.k2',
  'request.k3',
  'request.k4',
  'request.k5',
  'request.k6',
  'request.target',
  'request.reason',
  'request.method',
  'enclosure.idDocument',
  'enclosure.agentProof',
  'enclosure.agentId',
  'enclosure.moneyOrder',
  'application.date',
  'signature',
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

/** Section heading bars (drawn, not fields). */
export interface Section {
  title: string;
  titleEn: string;
  zone: Zone;
}

/** Printed labels that belong to a group of fields rather than one field. */
export interface GroupLabel {
  label: string;
  labelEn: string;
  zone: Zone;
}

// ---- layout -------------------------------------------------------------------------------
// Rows are built top to bottom; heights give handwriting room (about 8 mm for names).

const LABEL_W = 78;
const BAR_H = 14;
const BOX = 10; // tick boxes
const MID = X0 + 248; // start of the second label cell in two-field rows

function z(x: number, y: number, width: number, height: number): Zone {
  return { x, y, width, height };
}

function cellField(
  name: FieldName,
  kind: FieldKind,
  label: string,
  labelEn: string,
  x: number,
  y: number,
  labelW: number,
  width: number,
  height: number,
  required: FieldRequirement,
  multiline = false,
): FormField {
  return {
    name,
    kind,
    label,
    labelEn,
    labelZone: z(x, y, labelW, height),
    zone: z(x + labelW, y, width - labelW, height),
    labelStyle: 'cell',
    page: 0,
    required,
    ...(multiline ? { multiline } : {}),
  };
}

/** A tick box with its text at (x, y) in a row of height h; the text area is `w` wide. */
function tick(x: number, y: number, h: number, w: number): { zone: Zone; labelZone: Zone } {
  const top = y + (h - BOX) / 2;
  return { zone: z(x, top, BOX, BOX), labelZone: z(x + BOX + 3, y + 1, w - BOX - 5, h - 2) };
}

function checkbox(
  name: FieldName,
  label: string,
  labelEn: string,
  x: number,
  y: number,
  h: number,
  w: number,
  extra: Partial<FormField> = {},
): FormField {
  return {
    name,
    kind: 'checkbox',
    label,
    labelEn,
    ...tick(x, y, h, w),
    labelStyle: 'inline',
    page: 0,
    required: 'optional',
    ...extra,
  };
}

function choice(
  name: FieldName,
  label: string,
  labelEn: string,
  y: number,
  h: number,
  optionW: number,
  required: FieldRequirement,
  options: readonly { value: string; label: string; labelEn: string }[],
): FormField {
  const x = X0 + LABEL_W;
  return {
    name,
    kind: 'choice',
    label,
    labelEn,
    labelZone: z(X0, y, LABEL_W, h),
    zone: z(x, y, X1 - x, h),
    labelStyle: 'cell',
    page: 0,
    required,
    // The last option's text stops at the right edge of the row.
    options: options.map((o, i) => ({ ...o, ...tick(x + 6 + i * optionW, y, h, Math.min(optionW, X1 - 2 - (x + 6 + i * optionW))) })),
  };
}

const FULL = X1 - X0;
const HALF = MID - X0;
const REST = X1 - MID;

const GAP = 3; // between sections
const KIND_H = 17;

// Section 1: data subject (本人)
const S1 = 128;
const r1 = S1 + BAR_H; // kana
const r2 = r1 + 18; // name
const r3 = r2 + 26; // birth date, phone
const r4 = r3 + 22; // postal code, address
const r5 = r4 + 32; // account id
// Section 2: applicant and agent
const S2 = r5 + 20 + GAP;
const a1 = S2 + BAR_H; // applicant type
const a2 = a1 + 20; // agent kana
const a3 = a2 + 18; // agent name
const a4 = a3 + 24; // agent postal code, address
const a5 = a4 + 30; // agent phone
// Section 3: request
const S3 = a5 + 20 + GAP;
const q1 = S3 + BAR_H; // kinds, 3 rows of KIND_H
const q2 = q1 + 3 * KIND_H; // target
const q3 = q2 + 42; // reason
const q4 = q3 + 36; // method
// Section 4: enclosures
const S4 = q4 + 20 + GAP;
const e1 = S4 + BAR_H; // identity document
const e2 = e1 + 22; // agent documents, money order
// Section 5: date and signature
const S5 = e2 + 20 + GAP;
const d1 = S5 + BAR_H;
const D_H = 30;

/** Boxed notes for the applicant (instructions, mailing address): below the last row. */
export const NOTES_ZONE: Zone = z(X0, d1 + D_H + 6, FULL, CONTENT.y + CONTENT.height - (d1 + D_H + 6));

export const SECTIONS: readonly Section[] = [
  { title: '1. 請求者（本人）', titleEn: 'Data subject', zone: z(X0, S1, FULL, BAR_H) },
  { title: '2. 請求者の区分・代理人', titleEn: 'Applicant / agent (only if an agent applies)', zone: z(X0, S2, FULL, BAR_H) },
  { title: '3. 請求の内容', titleEn: 'Request', zone: z(X0, S3, FULL, BAR_H) },
  { title: '4. 同封書類', titleEn: 'Enclosed documents', zone: z(X0, S4, FULL, BAR_H) },
  { title: '5. 請求日・署名', titleEn: 'Date and signature', zone: z(X0, S5, FULL, BAR_H) },
];

export const GROUP_LABELS: readonly GroupLabel[] = [
  { label: '請求の種類', labelEn: 'Kind of request (※ fee)', zone: z(X0, q1, LABEL_W, 3 * KIND_H) },
  { label: '代理人・手数料', labelEn: 'Agent / fee', zone: z(X0, e2, LABEL_W, 20) },
];

const KIND_W = (X1 - X0 - LABEL_W) / 2;
const kind = (n: 1 | 2 | 3 | 4 | 5 | 6, label: string, labelEn: string, fee = false): FormField =>
  checkbox(
    `request.k${n}`,
    label,
    labelEn,
    X0 + LABEL_W + 6 + ((n - 1) % 2) * KIND_W,
    q1 + Math.floor((n - 1) / 2) * KIND_H,
    KIND_H,
    KIND_W - 6,
    fee ? { fee } : {},
  );

const ENC_W = (X1 - X0 - LABEL_W) / 3;

export const FIELDS: readonly FormField[] = [
  cellField('subject.kana', 'text', 'フリガナ', 'Name in kana', X0, r1, LABEL_W, FULL, 18, 'always'),
  cellField('subject.name', 'text', '氏名', 'Full name', X0, r2, LABEL_W, FULL, 26, 'always'),
  cellField('subject.birthDate', 'date', '生年月日', 'Date of birth', X0, r3, LABEL_W, HALF, 22, 'always'),
  cellField('subject.phone', 'text', '電話番号', 'Phone', MID, r3, LABEL_W, REST, 22, 'always'),
  cellField('subject.postalCode', 'text', '〒', 'Postal code', X0, r4, LABEL_W, LABEL_W + 74, 32, 'always'),
  cellField('subject.address', 'text', '住所', 'Address', X0 + LABEL_W + 74, r4, 30, FULL - LABEL_W - 74, 32, 'always'),
  cellField('subject.accountId', 'text', 'ご登録のID等', 'Registered e-mail / user ID', X0, r5, LABEL_W, FULL, 20, 'optional'),
  choice('applicant.type', '請求者', 'Applicant', a1, 20, 140, 'always', [
    { value: 'self', label: '本人', labelEn: 'Data subject' },
    { value: 'statutory', label: '法定代理人', labelEn: 'Statutory agent' },
    { value: 'appointed', label: '任意代理人', labelEn: 'Appointed agent' },
  ]),
  cellField('agent.kana', 'text', '代理人フリガナ', 'Agent name in kana', X0, a2, LABEL_W, FULL, 18, 'ifAgent'),
  cellField('agent.name', 'text', '代理人氏名', 'Agent full name', X0, a3, LABEL_W, FULL, 24, 'ifAgent'),
  cellField('agent.postalCode', 'text', '〒', 'Postal code', X0, a4, LABEL_W, LABEL_W + 74, 30, 'ifAgent'),
  cellField('agent.address', 'text', '住所', 'Address', X0 + LABEL_W + 74, a4, 30, FULL - LABEL_W - 74, 30, 'ifAgent'),
  cellField('agent.phone', 'text', '代理人電話番号', 'Agent phone', X0, a5, LABEL_W, FULL, 20, 'ifAgent'),
  kind(1, '① 保有個人データの開示 ※', 'Disclosure of retained personal data', true),
  kind(2, '② 利用目的の通知 ※', 'Notification of the purpose of use', true),
  kind(3, '③ 内容の訂正・追加・削除', 'Correction, addition or deletion'),
  kind(4, '④ 利用の停止・消去', 'Suspension of use or erasure'),
  kind(5, '⑤ 第三者への提供の停止', 'Stop provision to third parties'),
  kind(6, '⑥ 第三者提供記録の開示 ※', 'Disclosure of third-party provision records', true),
  cellField('request.target', 'text', '対象となる情報', 'Data concerned (service, period, etc.)', X0, q2, LABEL_W, FULL, 42, 'always', true),
  cellField('request.reason', 'text', '訂正等の内容・理由', 'Details / reasons (③–⑤)', X0, q3, LABEL_W, FULL, 36, 'optional', true),
  choice('request.method', '開示の方法', 'Form of disclosure (①⑥)', q4, 20, 140, 'optional', [
    { value: 'paper', label: '書面', labelEn: 'Paper' },
    { value: 'electronic', label: '電磁的記録', labelEn: 'Electronic record' },
  ]),
  choice('enclosure.idDocument', '本人確認書類', 'ID document (copy)', e1, 22, 84, 'always', [
    { value: 'residence', label: '住民票の写し等', labelEn: 'Residence cert./card' },
    { value: 'license', label: '運転免許証', labelEn: "Driver's license" },
    { value: 'passport', label: 'パスポート', labelEn: 'Passport' },
    { value: 'insurance', label: '健康保険証', labelEn: 'Health insurance' },
    { value: 'pension', label: '年金手帳', labelEn: 'Pension book' },
  ]),
  checkbox('enclosure.agentProof', '代理権証明・委任状', 'Proof of agency / POA', X0 + LABEL_W + 6, e2, 20, ENC_W - 6),
  checkbox('enclosure.agentId', '代理人の本人確認書類', "Agent's ID document", X0 + LABEL_W + 6 + ENC_W, e2, 20, ENC_W - 6),
  checkbox('enclosure.moneyOrder', '定額小為替 1,000円', 'Postal money order ¥1,000', X0 + LABEL_W + 6 + 2 * ENC_W, e2, 20, ENC_W - 6),
  cellField('application.date', 'date', '請求日', 'Date of application', X0, d1, LABEL_W, HALF, D_H, 'always'),
  cellField('signature', 'text', '署名', 'Signature (or name + seal)', MID, d1, LABEL_W, REST, D_H, 'always'),
];

export function fieldByName(name: FieldName): FormField {
  const f = FIELDS.find((x) => x.name === name);
  if (!f) throw new Error(`unknown form field ${name}`);
  return f;
}

const fmtZone = (q: Zone): string => `${q.x.toFixed(1)}, ${q.y.toFixed(1)}, ${q.width.toFixed(1)}×${q.height.toFixed(1)}`;

/** Markdown table of every field (README). Zones in pt, origin top-left: x, y, w×h. */
export const FIELD_DOC_TABLE: string = [
  '| AcroForm name | kind | 日本語 | English | required | zone (pt) | values |',
  '|---|---|---|---|---|---|---|',
  ...FIELDS.map(
    (f) =>
      `| \`${f.name}\` | ${f.kind}${f.multiline ? ' (multi-line)' : ''} | ${f.label} | ${f.labelEn} | ${f.required} | ${fmtZone(f.zone)} | ${
        f.options ? f.options.map((o) => `\`${o.value}\` ${o.label}`).join(', ') : f.kind === 'checkbox' ? 'true/false' : 'text'
      } |`,
  ),
].join('\n');
