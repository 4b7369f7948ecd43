import { Button } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { setLang, useLang } from '../i18n';

/** Toggles ja/en; the label names the language you switch to, in that language. */
export function LangSwitch() {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Button
      data-testid="lang-switch"
      variant="default"
      size="xs"
      leftSection={<IconLanguage size={16} stroke={1.6} />}
      aria-label={t('lang.switchLabel')}
      lang={lang === 'ja' ? 'en' : 'ja'}
      onClick={() => setLang(lang === 'ja' ? 'en' : 'ja')}
    >
      {t('lang.switch')}
    </Button>
  );
}
