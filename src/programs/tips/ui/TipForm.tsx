/** The anonymous tip form: no account and no question about who the tipster is. */
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../web/i18n/index.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert, Loading } from '../../../web/components/Alerts.js';
import { publicTipsApi, type TipInput, type TipReceipt } from './api.js';
import { LocationPicker, type PickedPoint } from './LocationPicker.js';
import { FilePicker, tooLarge } from './FilePicker.js';

export interface TipFormProps {
  /** Called after the tip is stored, with the files still to upload through the follow-up token. */
  onSent(receipt: TipReceipt, files: File[]): void;
}

export function TipForm({ onSent }: TipFormProps) {
  const { t, pick, locale } = useI18n();
  const options = useAsync(() => publicTipsApi.options(), []);
  const [category, setCategory] = useState('');
  const [description, setDescription] = useState('');
  const [place, setPlace] = useState('');
  const [point, setPoint] = useState<PickedPoint | null>(null);
  const [showMap, setShowMap] = useState(false);
  const [when, setWhen] = useState('');
  const [whenText, setWhenText] = useState('');
  const [language, setLanguage] = useState<'en' | 'es'>(locale === 'es' ? 'es' : 'en');
  const [ownPassphrase, setOwnPassphrase] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [website, setWebsite] = useState('');
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);

  if (options.loading && !options.data) return <Loading />;
  if (!options.data) return <ErrorAlert error={options.error} />;
  const { categories, agencies, passphrase: rules, maxBytes } = options.data;
  const agency = agencies[0];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const oversized = files.find((f) => tooLarge(f, maxBytes));
    if (oversized) return setError(new Error(t('programs.tips.files.tooLarge', { name: oversized.name })));
    const input: TipInput = {
      category, description: description.trim(), language,
      location: place.trim() || point ? { text: place.trim() || undefined, ...(point ?? {}) } : undefined,
      occurredAt: when ? new Date(when).toISOString() : undefined,
      occurredText: whenText.trim() || undefined,
      passphrase: ownPassphrase ? passphrase : undefined,
      website: website || undefined,
    };
    setBusy(true);
    setError(undefined);
    try {
      onSent(await publicTipsApi.submit(input), files);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="usa-form usa-form--large bridges-tips__form" onSubmit={submit} data-testid="tip-form">
      <p className="usa-hint">{t('programs.tips.form.anonymity')}</p>
      <ErrorAlert error={error} />
      <label className="usa-label" htmlFor="tip-category">{t('programs.tips.form.category')}</label>
      <select className="usa-select" id="tip-category" required value={category} onChange={(e) => setCategory(e.target.value)}>
        <option value="">{t('programs.tips.form.choose')}</option>
        {categories.map((c) => <option key={c.code} value={c.code}>{pick(c.label)}</option>)}
      </select>
      <label className="usa-label" htmlFor="tip-description">{t('programs.tips.form.description')}</label>
      <span className="usa-hint" id="tip-description-hint">{t('programs.tips.form.descriptionHint')}</span>
      <textarea className="usa-textarea" id="tip-description" aria-describedby="tip-description-hint" required minLength={10} maxLength={10000}
        value={description} onChange={(e) => setDescription(e.target.value)} />

      <fieldset className="usa-fieldset margin-top-3">
        <legend className="usa-legend">{t('programs.tips.form.where')}</legend>
        <label className="usa-label" htmlFor="tip-place">{t('programs.tips.form.place')}</label>
        <input className="usa-input" id="tip-place" maxLength={300} value={place} onChange={(e) => setPlace(e.target.value)} />
        <button type="button" className="usa-button usa-button--unstyled margin-top-1" aria-expanded={showMap} onClick={() => setShowMap(!showMap)}>
          {showMap ? t('programs.tips.form.hideMap') : t('programs.tips.form.showMap')}
        </button>
        {showMap && agency && <LocationPicker value={point} onChange={setPoint} center={[agency.centerLon, agency.centerLat]} />}
      </fieldset>

      <fieldset className="usa-fieldset margin-top-3">
        <legend className="usa-legend">{t('programs.tips.form.when')}</legend>
        <label className="usa-label" htmlFor="tip-when">{t('programs.tips.form.whenExact')}</label>
        <input className="usa-input" type="datetime-local" id="tip-when" value={when} onChange={(e) => setWhen(e.target.value)} />
        <label className="usa-label" htmlFor="tip-when-text">{t('programs.tips.form.whenText')}</label>
        <input className="usa-input" id="tip-when-text" maxLength={200} value={whenText} onChange={(e) => setWhenText(e.target.value)} />
      </fieldset>

      <FilePicker id="tip-files" files={files} onChange={setFiles} maxBytes={maxBytes} />

      <fieldset className="usa-fieldset margin-top-3">
        <legend className="usa-legend">{t('programs.tips.form.language')}</legend>
        {(['en', 'es'] as const).map((code) => (
          <div className="usa-radio" key={code}>
            <input className="usa-radio__input" type="radio" id={`tip-language-${code}`} name="tip-language" checked={language === code} onChange={() => setLanguage(code)} />
            <label className="usa-radio__label" htmlFor={`tip-language-${code}`}>{t(`programs.tips.languages.${code}`)}</label>
          </div>
        ))}
      </fieldset>

      <fieldset className="usa-fieldset margin-top-3">
        <legend className="usa-legend">{t('programs.tips.form.passphrase')}</legend>
        <div className="usa-radio">
          <input className="usa-radio__input" type="radio" id="tip-pass-generated" name="tip-pass" checked={!ownPassphrase} onChange={() => setOwnPassphrase(false)} />
          <label className="usa-radio__label" htmlFor="tip-pass-generated">{t('programs.tips.form.passGenerated')}</label>
        </div>
        <div className="usa-radio">
          <input className="usa-radio__input" type="radio" id="tip-pass-own" name="tip-pass" checked={ownPassphrase} onChange={() => setOwnPassphrase(true)} />
          <label className="usa-radio__label" htmlFor="tip-pass-own">{t('programs.tips.form.passOwn')}</label>
        </div>
        {ownPassphrase && (
          <>
            <label className="usa-label" htmlFor="tip-passphrase">{t('programs.tips.form.passLabel')}</label>
            <span className="usa-hint" id="tip-passphrase-hint">{t('programs.tips.form.passHint', { min: rules.minLength })}</span>
            <input className="usa-input" id="tip-passphrase" type="password" autoComplete="new-password" aria-describedby="tip-passphrase-hint"
              required minLength={rules.minLength} maxLength={rules.maxLength} value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
          </>
        )}
      </fieldset>

      {/* A honeypot for bots: hidden from people and from assistive technology. */}
      <div className="bridges-tips__trap" aria-hidden="true">
        <label htmlFor="tip-website">Website</label>
        <input id="tip-website" name="website" tabIndex={-1} autoComplete="off" value={website} onChange={(e) => setWebsite(e.target.value)} />
      </div>

      <button className="usa-button margin-top-3" type="submit" disabled={busy} data-testid="tip-submit">{t('programs.tips.form.send')}</button>
    </form>
  );
}
