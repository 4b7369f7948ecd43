/** UI text for the keyboard (#13 item 5): the command palette and the shortcut sheet. Japanese is the source of truth. */
export const shortcutsJa = {
  shortcuts: {
    sheetTitle: 'キーボードショートカット',
    sheetIntro: 'マウスを使わずに操作できます。入力欄の中では / と ? は文字として入力されます。',
    scopes: {
      global: 'どの画面でも',
      lists: '一覧',
      caseFile: '案件ファイル（記載事項の確認）',
      intake: '受付',
    },
    keys: {
      palette: 'コマンドパレット（ページ移動・案件を開く・操作）',
      search: 'この画面の検索欄へ',
      sheet: 'このショートカット一覧',
      submit: '封筒の記録・記載事項・メモを保存（入力欄の中からでも）',
      newEnvelope: '新しい封筒の記録を始める（受付日の欄へ）',
      nextField: '次の要確認項目へ',
      prevField: '前の要確認項目へ',
      saveField: '項目を保存して次の要確認項目へ',
      nextEnvelope: '次の封筒へ（受付画面に戻る）',
    },
    palette: {
      placeholder: 'ページ、案件番号、氏名、操作を検索…',
      nothing: '該当するものはありません',
      pages: 'ページ',
      cases: '案件',
      actions: '操作',
      logEnvelope: '封筒を記録する（受付）',
      showShortcuts: 'キーボードショートカットを表示',
      switchLang: '表示言語を切り替える（English）',
      lock: 'Kaiji をロックする',
    },
  },
};

export const shortcutsEn: typeof shortcutsJa = {
  shortcuts: {
    sheetTitle: 'Keyboard shortcuts',
    sheetIntro: 'Everything works without the mouse. Inside a text field, / and ? are typed as characters.',
    scopes: {
      global: 'Anywhere',
      lists: 'Lists',
      caseFile: 'Case file (reviewing fields)',
      intake: 'Intake',
    },
    keys: {
      palette: 'Command palette (go to a page, open a case, actions)',
      search: "Focus this page's search box",
      sheet: 'This list of shortcuts',
      submit: 'Save the envelope, the fields or a note (also from inside a field)',
      newEnvelope: 'Start logging a new envelope (arrival date field)',
      nextField: 'Next field to review',
      prevField: 'Previous field to review',
      saveField: 'Save the field and go to the next one to review',
      nextEnvelope: 'Next envelope (back to intake)',
    },
    palette: {
      placeholder: 'Search pages, case numbers, names, actions…',
      nothing: 'Nothing matches',
      pages: 'Pages',
      cases: 'Cases',
      actions: 'Actions',
      logEnvelope: 'Log an envelope (intake)',
      showShortcuts: 'Show keyboard shortcuts',
      switchLang: 'Switch language (日本語)',
      lock: 'Lock Kaiji',
    },
  },
};
