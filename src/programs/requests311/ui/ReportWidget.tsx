/** The portal's "report a neighborhood problem" section: a 311 report through the Open311 endpoint. */
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../web/i18n/index.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert, SuccessAlert } from '../../../web/components/Alerts.js';
import { requests311Api } from './api.js';

export function ReportWidget() {
  const { t, locale } = useI18n();
  const services = useAsync(() => requests311Api.services(locale), [locale]);
  const [service, setService] = useState('');
  const [address, setAddress] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<Error>();
  const [sent, setSent] = useState<string>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      const [answer] = await requests311Api.report({ service_code: service, address_string: address, description: description || undefined });
      setSent(answer.service_request_id);
      setAddress('');
      setDescription('');
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <section aria-labelledby="report311-heading" className="margin-y-4" data-testid="report311">
      <h2 id="report311-heading">{t('programs.requests311.portal.heading')}</h2>
      <p>{t('programs.requests311.portal.intro')}</p>
      {sent && <SuccessAlert>{t('programs.requests311.portal.sent', { id: sent })}</SuccessAlert>}
      <ErrorAlert error={error ?? services.error} />
      <form className="usa-form" onSubmit={submit}>
        <label className="usa-label" htmlFor="report311-service">{t('programs.requests311.portal.service')}</label>
        <select className="usa-select" id="report311-service" required value={service} onChange={(e) => setService(e.target.value)}>
          <option value="">{t('programs.requests311.portal.choose')}</option>
          {services.data?.map((s) => <option key={s.service_code} value={s.service_code}>{s.service_name}</option>)}
        </select>
        <label className="usa-label" htmlFor="report311-address">{t('programs.requests311.portal.address')}</label>
        <input className="usa-input" id="report311-address" required maxLength={300} value={address} onChange={(e) => setAddress(e.target.value)} />
        <label className="usa-label" htmlFor="report311-description">{t('programs.requests311.portal.description')}</label>
        <textarea className="usa-textarea" id="report311-description" maxLength={4000} value={description} onChange={(e) => setDescription(e.target.value)} />
        <button className="usa-button margin-top-2" type="submit">{t('programs.requests311.portal.send')}</button>
      </form>
      <p className="usa-hint">{t('programs.requests311.portal.notTips')}</p>
    </section>
  );
}
