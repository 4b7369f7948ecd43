/** UI text for the case lifecycle (#10): what a case still owes, kind confirmation, waivers. */
export const lifecycleJa = {
  lifecycle: {
    owedTitle: '未了の事項',
    owedNone: '未了の事項はありません。',
    owedCount: '未了 {{count}} 件',
    unconfirmed: 'OCR で読み取った請求種別が未確認です：{{kinds}}。申請書と照合してください。',
    confirmKinds: '請求種別を確認済みにする',
    kindsConfirmed: '請求種別を確認済みにしました。',
    waivedTitle: '理由を付して免除された事項',
    waivedBy: '{{name}}・{{date}}',
    withdrawalVia: '取下げの受付方法',
    via: { letter: '書面（スキャン）', phone: '電話', other: 'その他' },
    closeReasonHint: '未了の事項がある場合、この理由とともに各事項が免除として記録されます（管理者のみ）。',
    needsApproval: '管理者の承認待ち',
    recordFromPage: 'そのページから記録する',
    approve: '承認する',
    approved: '承認しました。',
    ackPolicy: '取下げの受領通知',
    ackPolicies: { always: '常に送付する', unless_letter: '書面での取下げ以外は送付する', never: '送付しない' },
  },
};

export const lifecycleEn: typeof lifecycleJa = {
  lifecycle: {
    owedTitle: 'Still owed',
    owedNone: 'Nothing is owed.',
    owedCount: '{{count}} owed',
    unconfirmed: 'Requested kinds read by OCR are not confirmed: {{kinds}}. Check them against the application.',
    confirmKinds: 'Confirm the requested kinds',
    kindsConfirmed: 'The requested kinds are confirmed.',
    waivedTitle: 'Waived with a reason',
    waivedBy: '{{name}}, {{date}}',
    withdrawalVia: 'How the withdrawal came',
    via: { letter: 'Letter (scanned)', phone: 'Phone', other: 'Other' },
    closeReasonHint: 'If anything is still owed, each item is recorded as waived with this reason (administrators only).',
    needsApproval: 'Awaiting administrator approval',
    recordFromPage: 'Record it from that page',
    approve: 'Approve',
    approved: 'Approved.',
    ackPolicy: 'Withdrawal acknowledgement',
    ackPolicies: { always: 'Always send', unless_letter: 'Send unless withdrawn by letter', never: 'Do not send' },
  },
};
