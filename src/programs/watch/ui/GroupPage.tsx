/** /watch/:groupId: one group, its next meetings (event pages), and asking to join. */
import { useMemo, useState, type FormEvent } from 'react';
import type { FeatureCollection } from 'geojson';
import type { RouteParams } from '../../../web/programs.js';
import { Link, useDocumentTitle } from '../../../web/router.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert, Loading } from '../../../web/components/Alerts.js';
import { PortalLayout } from '../../../web/portal/PortalLayout.js';
import { watchApi, type PublicGroup } from './api.js';
import { ContactFields, contactProblem, emptyContact } from './ContactFields.js';
import { useWatchI18n } from './i18n.js';
import { RequestReceipt } from './RequestReceipt.js';
import { WatchMap } from './WatchMap.js';

export function GroupPage({ params }: RouteParams) {
  const { w } = useWatchI18n();
  const id = Number(params.groupId);
  const group = useAsync(() => watchApi.group(id), [id]);
  return (
    <PortalLayout>
      <p><Link href="/watch">{w('group.back')}</Link></p>
      {group.loading && !group.data && <Loading />}
      {group.error && <><h1>{w('group.notFound')}</h1><ErrorAlert error={group.error} /></>}
      {group.data && <GroupDetails group={group.data} />}
    </PortalLayout>
  );
}

function GroupDetails({ group }: { group: PublicGroup }) {
  const { w, pick, formatDate, locale } = useWatchI18n();
  useDocumentTitle(w('group.documentTitle', { name: group.name }));
  const outline = useMemo<FeatureCollection>(() => ({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: group.boundary, properties: {} }] }), [group.boundary]);
  return (
    <article aria-labelledby="group-title" data-testid="watch-group">
      <h1 id="group-title">{group.name}</h1>
      <p>
        {group.areaName && <span className="usa-tag">{group.areaName}</span>}
        {group.status === 'forming' && <span className="usa-tag margin-left-1">{w('status.forming')}</span>}
        {group.isDemo && <span className="usa-tag bridges-demo-tag">{w('demo')}</span>}
      </p>
      <p className="usa-intro">{pick(group.description)}</p>
      <p>{w('group.size', { members: group.memberCount, captains: group.captainCount })}</p>
      <WatchMap groups={outline} label={w('group.mapLabel', { name: group.name })} className="bridges-watch__map bridges-watch__map--small" testId="watch-group-map" />
      <section aria-labelledby="group-meetings" className="margin-top-3">
        <h2 id="group-meetings">{w('group.meetingsHeading')}</h2>
        {group.meetings.length === 0 ? <p>{w('group.noMeetings')}</p> : (
          <ul className="usa-list" data-testid="watch-meetings">
            {group.meetings.map((m) => (
              <li key={m.eventId}>
                <Link href={`/events/${m.eventId}`}>{pick(m.title)}</Link> ({w(`kinds.${m.kind}`)}, {formatDate(m.startsAt, { dateStyle: 'long', timeStyle: 'short', timeZone: group.timeZone })})
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="group-join" className="margin-top-4">
        <h2 id="group-join">{w('group.joinHeading')}</h2>
        <JoinForm groupId={group.id} locale={locale} />
      </section>
    </article>
  );
}

function JoinForm({ groupId, locale }: { groupId: number; locale: string }) {
  const { w } = useWatchI18n();
  const [contact, setContact] = useState(emptyContact);
  const [error, setError] = useState<string | Error>();
  const [token, setToken] = useState<string>();
  const [busy, setBusy] = useState(false);
  if (token) return <RequestReceipt token={token} kind="join" />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = contactProblem(contact, w);
    if (problem) return setError(problem);
    setBusy(true);
    setError(undefined);
    try {
      const answer = await watchApi.ask({
        kind: 'join', groupId, name: contact.name.trim() || undefined, email: contact.email.trim() || undefined, phone: contact.phone.trim() || undefined,
        contactConsent: contact.consent, message: contact.message.trim() || undefined, locale,
      });
      setToken(answer.token);
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="usa-form usa-form--large" onSubmit={submit} noValidate data-testid="watch-join-form">
      <p>{w('group.joinIntro')}</p>
      <ErrorAlert error={error} />
      <ContactFields idPrefix="join" value={contact} onChange={setContact} />
      <button className="usa-button margin-top-3" type="submit" disabled={busy} data-testid="watch-join-submit">{w('group.joinSubmit')}</button>
    </form>
  );
}
