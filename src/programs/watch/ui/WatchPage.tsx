/** /watch: the map of active groups, "find the group for my block", and the groups by neighborhood. */
import { useState } from 'react';
import { Link, useDocumentTitle } from '../../../web/router.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert, Loading } from '../../../web/components/Alerts.js';
import { PortalLayout } from '../../../web/portal/PortalLayout.js';
import { watchApi, type Lookup } from './api.js';
import { useWatchI18n } from './i18n.js';
import { WatchMap, type PickedPoint } from './WatchMap.js';

export function WatchPage() {
  const { w } = useWatchI18n();
  useDocumentTitle(w('page.documentTitle'));
  const groups = useAsync(() => watchApi.groups(), []);
  const outlines = useAsync(() => watchApi.outlines(), []);
  const neighborhoods = useAsync(() => watchApi.neighborhoods(), []);
  const [picked, setPicked] = useState<PickedPoint | null>(null);
  const [lookup, setLookup] = useState<Lookup>();
  const [lookupError, setLookupError] = useState<Error>();

  const pick = async (point: PickedPoint) => {
    setPicked(point);
    setLookupError(undefined);
    try {
      setLookup(await watchApi.lookup(point.lon, point.lat));
    } catch (error) {
      setLookupError(error as Error);
    }
  };
  const withGroups = neighborhoods.data?.filter((n) => n.groups.length > 0) ?? [];

  return (
    <PortalLayout>
      <h1>{w('page.title')}</h1>
      <p className="usa-intro">{w('page.intro')}</p>
      <section aria-labelledby="watch-find-heading">
        <h2 id="watch-find-heading">{w('page.findHeading')}</h2>
        <p id="watch-map-help">{w('page.mapHelp')}</p>
        <ErrorAlert error={groups.error ?? outlines.error} />
        <WatchMap groups={groups.data} outlines={outlines.data} picked={picked} onPick={(p) => void pick(p)} label={w('page.mapLabel')} describedBy="watch-map-help" className="bridges-watch__map" />
        <div aria-live="polite" data-testid="watch-lookup">
          <ErrorAlert error={lookupError} />
          {lookup && <LookupResult lookup={lookup} picked={picked!} />}
        </div>
      </section>
      <section aria-labelledby="watch-list-heading" className="margin-top-4">
        <h2 id="watch-list-heading">{w('page.listHeading')}</h2>
        <p>{w('page.listIntro')}</p>
        {neighborhoods.loading && !neighborhoods.data && <Loading />}
        <ErrorAlert error={neighborhoods.error} />
        {neighborhoods.data && withGroups.length === 0 && <p>{w('page.noGroups')}</p>}
        <div className="bridges-watch__neighborhoods" data-testid="watch-neighborhoods">
          {withGroups.map((n) => (
            <div key={n.areaId} className="bridges-watch__neighborhood">
              <h3>{n.areaName}</h3>
              <ul className="usa-list usa-list--unstyled">
                {n.groups.map((g) => (
                  <li key={g.id}>
                    <Link href={`/watch/${g.id}`}>{g.name}</Link>
                    {g.status === 'forming' && <span className="usa-tag margin-left-1">{w('status.forming')}</span>}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      </section>
      <section aria-labelledby="watch-start-heading" className="margin-top-4">
        <h2 id="watch-start-heading">{w('page.startHeading')}</h2>
        <p>{w('page.startIntro')}</p>
        <Link className="usa-button usa-button--outline" href="/watch/start">{w('page.startButton')}</Link>
      </section>
    </PortalLayout>
  );
}

function LookupResult({ lookup, picked }: { lookup: Lookup; picked: PickedPoint }) {
  const { w } = useWatchI18n();
  if (lookup.groups.length > 0) {
    return (
      <div className="usa-alert usa-alert--success usa-alert--slim margin-y-2"><div className="usa-alert__body">
        <p className="usa-alert__text">{w('lookup.found')}</p>
        <ul className="usa-list">
          {lookup.groups.map((g) => <li key={g.id}><Link href={`/watch/${g.id}`}>{g.name}</Link></li>)}
        </ul>
      </div></div>
    );
  }
  const start = lookup.area ? `/watch/start?area=${lookup.area.id}&lon=${picked.lon}&lat=${picked.lat}` : '/watch/start';
  return (
    <div className="usa-alert usa-alert--info usa-alert--slim margin-y-2"><div className="usa-alert__body">
      <p className="usa-alert__text">{lookup.area ? w('lookup.noneIn', { area: lookup.area.name }) : w('lookup.outside')}</p>
      {lookup.area && <p className="usa-alert__text"><Link href={start}>{w('lookup.startHere', { area: lookup.area.name })}</Link></p>}
    </div></div>
  );
}
