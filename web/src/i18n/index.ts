// Every label comes from a translation file: zh-CN by default, English switchable (kept in
// localStorage).
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import zhCN from './zh-CN.json';

export type Language = 'zh-CN' | 'en';

const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem('language');
export const initialLanguage: Language = stored === 'en' ? 'en' : 'zh-CN';

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: initialLanguage,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
});

export function setLanguage(language: Language): void {
  localStorage.setItem('language', language);
  void i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

export default i18n;
