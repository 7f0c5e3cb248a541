/** /watch/start: ask to start a group where there is none; the neighborhood comes from the map pick or a list. */
import { useState, type FormEvent } from 'react';
import { Link, useDocumentTitle } from '../../../web/router.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert, Loading } from '../../../web/components/Alerts.js';
import { PortalLayout } from '../../../web/portal/PortalLayout.js';
import { watchApi } from './api.js';
import { ContactFields, contactProblem, emptyContact } from './ContactFields.js';
import { useWatchI18n } from './i18n.js';
import { RequestReceipt } from './RequestReceipt.js';

export function StartPage() {
  const { w, locale } = useWatchI18n();
  useDocumentTitle(w('start.documentTitle'));
  const query = new URLSearchParams(window.location.search);
  const neighborhoods = useAsync(() => watchApi.neighborhoods(), []);
  const [areaId, setAreaId] = useState(query.get('area') ?? '');
  const point = query.get('lon') && query.get('lat') ? { lon: Number(query.get('lon')), lat: Number(query.get('lat')) } : null;
  const [contact, setContact] = useState(emptyContact);
  const [error, setError] = useState<string | Error>();
  const [token, setToken] = useState<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = !areaId ? w('start.needArea') : contactProblem(contact, w);
    if (problem) return setError(problem);
    setError(undefined);
    try {
      const answer = await watchApi.ask({
        kind: 'start', areaId: Number(areaId), ...(point && query.get('area') === areaId ? point : {}),
        name: contact.name.trim() || undefined, email: contact.email.trim() || undefined, phone: contact.phone.trim() || undefined,
        contactConsent: contact.consent, message: contact.message.trim() || undefined, locale,
      });
      setToken(answer.token);
    } catch (err) {
      setError(err as Error);
    }
  };

  return (
    <PortalLayout>
      <p><Link href="/watch">{w('group.back')}</Link></p>
      <h1>{w('start.title')}</h1>
      <p className="usa-intro">{w('start.intro')}</p>
      {token ? <RequestReceipt token={token} kind="start" /> : (
        <form className="usa-form usa-form--large" onSubmit={submit} noValidate data-testid="watch-start-form">
          <ErrorAlert error={error ?? neighborhoods.error} />
          {neighborhoods.loading && !neighborhoods.data && <Loading />}
          <label className="usa-label" htmlFor="start-area">{w('start.area')}</label>
          <span className="usa-hint" id="start-area-hint">{point ? w('start.areaFromMap') : w('start.areaHint')}</span>
          <select className="usa-select" id="start-area" aria-describedby="start-area-hint" value={areaId} onChange={(e) => setAreaId(e.target.value)}>
            <option value="">{w('start.chooseArea')}</option>
            {neighborhoods.data?.map((n) => <option key={n.areaId} value={n.areaId}>{n.areaName}</option>)}
          </select>
          <ContactFields idPrefix="start" value={contact} onChange={setContact} />
          <button className="usa-button margin-top-3" type="submit">{w('start.submit')}</button>
        </form>
      )}
    </PortalLayout>
  );
}
