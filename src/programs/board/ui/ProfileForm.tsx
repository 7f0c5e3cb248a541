import { useEffect, useState, type FormEvent } from 'react';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert, SuccessAlert } from '../../../web/components/Alerts.js';
import { boardApi, type Profile } from './api.js';
import { useBoardI18n } from './i18n.js';

const EMPTY: Profile = { name: { en: '', es: '' }, vision: { en: '', es: '' }, mission: { en: '', es: '' }, answerer: { en: 'the Chief of Police', es: 'el Jefe de Policía' } };
const FIELDS = ['name', 'vision', 'mission', 'answerer'] as const;

/** The board's name, vision and mission (and who answers questions), in English and Spanish. */
export function ProfileForm() {
  const { b } = useBoardI18n();
  const profile = useAsync(() => boardApi.profile(), []);
  const [v, setV] = useState<Profile>(EMPTY);
  const [error, setError] = useState<Error>();
  const [saved, setSaved] = useState(false);
  useEffect(() => { if (profile.data) setV(profile.data); }, [profile.data]);
  const set = (field: (typeof FIELDS)[number], lang: 'en' | 'es') => (e: { target: { value: string } }) => setV({ ...v, [field]: { ...v[field], [lang]: e.target.value } });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await boardApi.saveProfile(v);
      setSaved(true);
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <section aria-labelledby="board-profile-h" id="board-profile" className="margin-top-5">
      <h2 id="board-profile-h">{b('profile.heading')}</h2>
      {saved && <SuccessAlert>{b('profile.saved')}</SuccessAlert>}
      <form className="usa-form usa-form--large" onSubmit={save}>
        <ErrorAlert error={error ?? profile.error} />
        {FIELDS.map((field) => (['en', 'es'] as const).map((lang) => {
          const id = `profile-${field}-${lang}`;
          const long = field === 'vision' || field === 'mission';
          return (
            <div key={id}>
              <label className="usa-label" htmlFor={id}>{b(`profile.${field}.${lang}`)}</label>
              {long ? <textarea className="usa-textarea" id={id} lang={lang} required value={v[field][lang] ?? ''} onChange={set(field, lang)} />
                : <input className="usa-input" id={id} lang={lang} required value={v[field][lang] ?? ''} onChange={set(field, lang)} />}
            </div>
          );
        }))}
        <button className="usa-button margin-top-2" type="submit">{b('profile.save')}</button>
      </form>
    </section>
  );
}
