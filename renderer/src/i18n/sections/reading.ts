/** UI text for issue 12 (reading real paper): suggested ID documents, postcode lookup. */
export const readingJa = {
  reading: {
    postcode: {
      unknown: 'この郵便番号は日本郵便のデータにありません。住所を入力してください。',
      choose: 'この郵便番号の町域：',
      filled: '郵便番号から住所を入力しました（番地以降を入力してください）。',
    },
    suggested: {
      badge: '候補・要確認',
      hint: 'Kaiji が写しから読み取った内容です。各項目を確認し、Enter で次へ進みます。',
      confirm: '確認',
      confirmTitle: '読み取った書類の確認',
      confirmed: '書類の内容を確認しました。',
      accept: '確認して記録',
      type: '書類の種類',
      party: '対象',
    },
  },
};

export const readingEn: typeof readingJa = {
  reading: {
    postcode: {
      unknown: 'This postcode is not in Japan Post’s data. Type the address.',
      choose: 'Towns under this postcode:',
      filled: 'Address filled from the postcode (add the block number).',
    },
    suggested: {
      badge: 'Suggested - confirm',
      hint: 'Kaiji read these values from the copy. Check each one; Enter moves to the next.',
      confirm: 'Confirm',
      confirmTitle: 'Confirm the document read from the copy',
      confirmed: 'Document confirmed.',
      accept: 'Confirm and record',
      type: 'Document type',
      party: 'Whose',
    },
  },
};
