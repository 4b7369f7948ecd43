import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { en } from './en';
import { ja } from './ja';

export type Lang = 'ja' | 'en';

/** Where the chosen language survives restarts (renderer-only; not personal data). */
export const LANG_KEY = 'kaiji.lang';

function storedLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'ja';
  } catch {
    return 'ja';
  }
}

void i18n.use(initReactI18next).init({
  resources: { ja: { translation: ja }, en: { translation: en } },
  lng: storedLang(),
  fallbackLng: 'ja',
  supportedLngs: ['ja', 'en'],
  // Resources are bundled, so init can finish synchronously before the first render.
  initAsync: false,
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
});

document.documentElement.lang = i18n.language;

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
  try {
    localStorage.setItem(LANG_KEY, lng);
  } catch {
    // Storage may be unavailable; the choice then lasts for this window only.
  }
});

export function toLang(lng: string | undefined): Lang {
  return lng === 'en' ? 'en' : 'ja';
}

/** The current UI language, re-rendering on change. */
export function useLang(): Lang {
  const { i18n: instance } = useTranslation();
  return toLang(instance.language);
}

export function setLang(lang: Lang): void {
  void i18n.changeLanguage(lang);
}

export default i18n;
