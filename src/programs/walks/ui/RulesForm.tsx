import { useEffect, useState, type FormEvent } from 'react';
import { useI18n } from '../../../web/i18n/index.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { useCategories } from '../../../web/hooks/useCategories.js';
import { navigate } from '../../../web/router.js';
import { ErrorAlert, SuccessAlert } from '../../../web/components/Alerts.js';
import { walksApi, type Rules } from './api.js';

/** The rules that open walks: categories, due window, canvass radius, and the tip line printed on the cards. */
export function RulesForm() {
  const { t } = useI18n();
  const k = (key: string) => t(`programs.walks.rules.${key}`);
  const categories = useCategories();
  const loaded = useAsync(() => walksApi.rules(), []);
  const [rules, setRules] = useState<Rules>();
  const [error, setError] = useState<Error>();
  const [saved, setSaved] = useState(false);
  useEffect(() => { if (loaded.data) setRules(loaded.data); }, [loaded.data]);
  if (!rules) return <ErrorAlert error={loaded.error} />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setSaved(false);
    try {
      setRules(await walksApi.saveRules(rules));
      setSaved(true);
    } catch (e) {
      setError(e as Error);
    }
  };
  const toggle = (code: string) => setRules({ ...rules, categories: rules.categories.includes(code) ? rules.categories.filter((c) => c !== code) : [...rules.categories, code] });
  const num = (key: 'dueMinDays' | 'dueMaxDays' | 'radiusM', value: string) => setRules({ ...rules, [key]: Number(value) });

  return (
    <form className="usa-form usa-form--large" onSubmit={submit} data-testid="rules-form">
      {saved && <SuccessAlert>{k('saved')}</SuccessAlert>}
      <ErrorAlert error={error} />
      <fieldset className="usa-fieldset">
        <legend className="usa-legend">{k('categories')}</legend>
        {categories.categories.filter((c) => c.violent).map((c) => (
          <div className="usa-checkbox" key={c.code}>
            <input className="usa-checkbox__input" type="checkbox" id={`rule-cat-${c.code}`} checked={rules.categories.includes(c.code)} onChange={() => toggle(c.code)} />
            <label className="usa-checkbox__label" htmlFor={`rule-cat-${c.code}`}>{categories.label(c.code)}</label>
          </div>
        ))}
      </fieldset>
      <label className="usa-label" htmlFor="rule-min">{k('dueMin')}</label>
      <input className="usa-input usa-input--small" type="number" id="rule-min" min={0} max={60} value={rules.dueMinDays} onChange={(e) => num('dueMinDays', e.target.value)} />
      <label className="usa-label" htmlFor="rule-max">{k('dueMax')}</label>
      <input className="usa-input usa-input--small" type="number" id="rule-max" min={0} max={60} value={rules.dueMaxDays} onChange={(e) => num('dueMaxDays', e.target.value)} />
      <label className="usa-label" htmlFor="rule-radius">{k('radius')}</label>
      <input className="usa-input usa-input--small" type="number" id="rule-radius" min={50} max={3000} step={50} value={rules.radiusM} onChange={(e) => num('radiusM', e.target.value)} />
      <label className="usa-label" htmlFor="rule-area">{k('areaKind')}</label>
      <select className="usa-select" id="rule-area" value={rules.canvassAreaKind ?? ''} onChange={(e) => setRules({ ...rules, canvassAreaKind: e.target.value || null })}>
        <option value="">{k('circle')}</option>
        {['neighborhood', 'crt_zone', 'sco_post', 'beat', 'custom'].map((kind) => <option key={kind} value={kind}>{t(`areas.kinds.${kind}`)}</option>)}
      </select>
      <label className="usa-label" htmlFor="rule-phone">{k('tipPhone')}</label>
      <input className="usa-input" id="rule-phone" maxLength={40} value={rules.tipLine.phone ?? ''} onChange={(e) => setRules({ ...rules, tipLine: { ...rules.tipLine, phone: e.target.value } })} />
      <label className="usa-label" htmlFor="rule-web">{k('tipWeb')}</label>
      <input className="usa-input" id="rule-web" maxLength={200} value={rules.tipLine.web ?? ''} onChange={(e) => setRules({ ...rules, tipLine: { ...rules.tipLine, web: e.target.value } })} />
      <button type="submit" className="usa-button margin-top-2">{k('save')}</button>
    </form>
  );
}

/** Opening a walk by hand: for an incident number, whatever the rules say. */
export function OpenWalkForm({ onOpened }: { onOpened(): void }) {
  const { t } = useI18n();
  const [incident, setIncident] = useState('');
  const [error, setError] = useState<Error>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      const walk = await walksApi.open({ incidentId: Number(incident) });
      onOpened();
      navigate(`/console/programs/walks/${walk.id}`);
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <form className="usa-form" onSubmit={submit} data-testid="open-walk-form">
      <ErrorAlert error={error} />
      <label className="usa-label" htmlFor="open-incident">{t('programs.walks.console.incidentNumber')}</label>
      <span className="usa-hint" id="open-incident-hint">{t('programs.walks.console.incidentHint')}</span>
      <input className="usa-input" id="open-incident" aria-describedby="open-incident-hint" inputMode="numeric" pattern="[0-9]+" required value={incident} onChange={(e) => setIncident(e.target.value)} />
      <button type="submit" className="usa-button margin-top-2">{t('programs.walks.console.open')}</button>
    </form>
  );
}
