import i18next from 'i18next';
import { z } from 'zod';
import { initReactI18next } from 'react-i18next';
import { tr } from './tr';
import { en } from './en';

export const LANGUAGES = ['tr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'kartotek.language';

export function storedLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'tr';
}

export async function initI18n(): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: { tr: { translation: tr }, en: { translation: en } },
    lng: storedLanguage(),
    fallbackLng: 'tr',
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = i18next.language;
  formMessagesIn(i18next.language);
  return i18next;
}

export async function setLanguage(language: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, language);
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
  formMessagesIn(language);
}

/** The locale for Intl (dates, numbers, money) that goes with the UI language. */
export const intlLocale = (language: string): string => (language === 'en' ? 'en-GB' : 'tr-TR');

/** zod's own messages (a form checked with a contract schema before it is sent) in the UI's language. */
function formMessagesIn(language: string): void {
  z.config(language === 'en' ? z.locales.en() : z.locales.tr());
}
