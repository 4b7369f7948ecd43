/** UI text for the case file as a workbench (#13 item 4). Japanese is the source of truth. */
export const deskJa = {
  workbench: {
    noPage: '申請書のページはまだありません。',
    pageAlt: '申請書のスキャン（選択中の項目を枠で表示）',
    fold: '{{section}} を折りたたむ／開く',
  },
  letterLanguage: '通知書の言語',
};

export const deskEn: typeof deskJa = {
  workbench: {
    noPage: 'No page of the application form yet.',
    pageAlt: 'Scan of the application form (the selected field is outlined)',
    fold: 'Fold or unfold {{section}}',
  },
  letterLanguage: 'Language of the letter',
};
