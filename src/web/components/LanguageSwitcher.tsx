import { useId } from 'react';
import { useI18n } from '../i18n/index.js';

/** A labelled select of every bundled language; the choice is remembered (see I18nProvider). */
export function LanguageSwitcher() {
  const { locale, locales, setLocale, t } = useI18n();
  const id = useId();
  return (
    <div className="bridges-language">
      <label className="usa-label bridges-language__label" htmlFor={id}>
        {t('language.label')}
      </label>
      <select
        className="usa-select bridges-language__select"
        id={id}
        data-testid="language-select"
        value={locale}
        onChange={(event) => setLocale(event.target.value)}
      >
        {locales.map((l) => (
          // lang on each option lets screen readers pronounce "Español" in Spanish.
          <option key={l.code} value={l.code} lang={l.code}>
            {l.name}
          </option>
        ))}
      </select>
    </div>
  );
}
