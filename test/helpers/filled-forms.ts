import type { FormValues } from '../../electron/services/forms/fill-form';

export {
  comparableValue as comparable,
  expectedFieldValue as expectedValue,
  formValuesFor,
  scannedForm,
  scannerNoise,
} from '../../electron/services/demo/demo-scans';

/** A filled application as people send it: one person, three requested kinds, paper response. */
export const FILLED: FormValues = {
  'subject.kana': 'ヤマダ タロウ',
  'subject.name': '山田 太郎',
  'subject.birthDate': '昭和60年4月1日',
  'subject.phone': '03-1234-5678',
  'subject.postalCode': '154-0015',
  'subject.address': '東京都世田谷区桜新町1丁目2番3号',
  'applicant.type': 'self',
  'request.k1': true,
  'request.k2': true,
  'request.k6': true,
  'request.target': '会員情報および購入履歴',
  'request.method': 'paper',
  'application.date': '令和8年11月20日',
};


/** Form values as `cases.setFields` takes them: one { field, value } per entry, ticks as 'true'/'false'. */
export const fieldsOf = (form: Record<string, string | boolean>): { field: string; value: string }[] =>
  Object.entries(form).map(([field, v]) => ({ field, value: String(v) }));
