import type { FieldName } from '../../shared/domain/application-form';
import type { ChecklistInput, IdDocument } from '../../shared/domain/verification';

/** A complete, correct self application for K1 (fee due), dated 令和8年3月31日 (2026-03-31). */
export function completeFields(overrides: Partial<Record<FieldName, string>> = {}): Partial<Record<FieldName, string>> {
  return {
    'subject.kana': 'ヤマダ タロウ',
    'subject.name': '山田 太郎',
    'subject.birthDate': '昭和55年3月1日',
    'subject.phone': '03-1234-5678',
    'subject.postalCode': '169-0051',
    'subject.address': '東京都新宿区西早稲田2丁目20番15号',
    'subject.accountId': '',
    'applicant.type': 'self',
    'request.k1': 'true',
    'request.k2': 'false',
    'request.k3': 'false',
    'request.k4': 'false',
    'request.k5': 'false',
    'request.k6': 'false',
    'request.target': '会員情報（2020年以降）',
    'request.reason': '',
    'request.method': 'paper',
    'enclosure.idDocument': 'license',
    'enclosure.agentProof': 'false',
    'enclosure.agentId': 'false',
    'enclosure.moneyOrder': 'true',
    'application.date': '令和8年3月31日',
    signature: '山田太郎',
    ...overrides,
  };
}

export const license = (overrides: Partial<IdDocument> = {}): IdDocument => ({
  type: 'drivers_license',
  name: '山田太郎',
  address: '東京都新宿区西早稲田2-20-15',
  birthDate: '1980-03-01',
  issuedOn: '2024-05-01',
  validUntil: '2029-04-01',
  ...overrides,
});

export function completeInput(overrides: Partial<ChecklistInput> = {}): ChecklistInput {
  return {
    fields: completeFields(),
    subjectIds: [license()],
    moneyOrders: [{ faceValue: 1000 }],
    ...overrides,
  };
}

export const person = { name: '山田 太郎', kana: 'ヤマダ タロウ', address: '東京都新宿区西早稲田2丁目20番15号', birthDate: '1980-03-01' };
