import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../web/components/Alerts.js';
import type { Need, Referral, Service, TakenUp } from './api.js';
import { resourcesApi } from './api.js';
import { useResourcesI18n } from './i18n.js';

/**
 * Records a referral: the service, the need it meets, the day, whether it was taken up, and at most a case
 * number. There is deliberately no field for a name.
 */
export function ReferralForm({ services, needs, onSaved }: { services: Service[]; needs: Need[]; onSaved(referral: Referral): void }) {
  const { r, pick } = useResourcesI18n();
  const [serviceId, setServiceId] = useState('');
  const [need, setNeed] = useState('');
  const [referredOn, setReferredOn] = useState(new Date().toISOString().slice(0, 10));
  const [takenUp, setTakenUp] = useState<TakenUp>('unknown');
  const [caseRef, setCaseRef] = useState('');
  const [error, setError] = useState<Error>();
  const service = services.find((s) => String(s.id) === serviceId);
  const needOptions = needs.filter((n) => service?.needs.includes(n.code));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      onSaved(await resourcesApi.refer({ serviceId: Number(serviceId), need, referredOn, takenUp, caseRef: caseRef.trim() || undefined }));
      setCaseRef('');
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <form className="usa-form usa-form--large" onSubmit={submit} data-testid="referral-form">
      <ErrorAlert error={error} />
      <label className="usa-label" htmlFor="referral-service">{r('console.service')}</label>
      <select className="usa-select" id="referral-service" required value={serviceId} onChange={(e) => { setServiceId(e.target.value); setNeed(''); }}>
        <option value="">{r('console.chooseService')}</option>
        {services.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
      </select>
      <label className="usa-label" htmlFor="referral-need">{r('public.need')}</label>
      <select className="usa-select" id="referral-need" required value={need} onChange={(e) => setNeed(e.target.value)} disabled={!service}>
        <option value="">{r('console.chooseNeed')}</option>
        {needOptions.map((n) => <option key={n.code} value={n.code}>{pick(n.label)}</option>)}
      </select>
      <label className="usa-label" htmlFor="referral-date">{r('console.date')}</label>
      <input className="usa-input" type="date" id="referral-date" required value={referredOn} onChange={(e) => setReferredOn(e.target.value)} />
      <fieldset className="usa-fieldset">
        <legend className="usa-legend">{r('console.takenUp')}</legend>
        {(['unknown', 'yes', 'no'] as const).map((value) => (
          <div className="usa-radio" key={value}>
            <input className="usa-radio__input" type="radio" id={`referral-taken-${value}`} name="takenUp" value={value} checked={takenUp === value} onChange={() => setTakenUp(value)} />
            <label className="usa-radio__label" htmlFor={`referral-taken-${value}`}>{r(`console.taken.${value}`)}</label>
          </div>
        ))}
      </fieldset>
      <label className="usa-label" htmlFor="referral-case">{r('console.caseRef')}</label>
      <span className="usa-hint" id="referral-case-hint">{r('console.caseRefHint')}</span>
      <input className="usa-input" id="referral-case" maxLength={40} pattern="[A-Za-z0-9][A-Za-z0-9._/#-]{0,39}" aria-describedby="referral-case-hint"
        value={caseRef} onChange={(e) => setCaseRef(e.target.value)} />
      <button className="usa-button margin-top-2" type="submit">{r('console.record')}</button>
    </form>
  );
}
