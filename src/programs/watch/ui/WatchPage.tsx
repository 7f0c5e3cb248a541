/** /watch: the map of active groups, "find the group for my block", and the groups by neighborhood. */
import { useState, type FormEvent } from 'react';
import { Link, useDocumentTitle } from '../../../web/router.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert, Loading } from '../../../web/components/Alerts.js';
import { PortalLayout } from '../../../web/portal/PortalLayout.js';
import { watchApi, type AddressLookup, type Lookup } from './api.js';
import { useWatchI18n } from './i18n.js';
import { WatchMap, type PickedPoint } from './WatchMap.js';

export function WatchPage() {
  const { w } = useWatchI18n();
  useDocumentTitle(w('page.documentTitle'));
  const groups = useAsync(() => watchApi.groups(), []);
  const outlines = useAsync(() => watchApi.outlines(), []);
  const neighborhoods = useAsync(() => watchApi.neighborhoods(), []);
  const [picked, setPicked] = useState<PickedPoint | null>(null);
  const [focus, setFocus] = useState<PickedPoint | null>(null);
  const [lookup, setLookup] = useState<Lookup | AddressLookup>();
  const [lookupError, setLookupError] = useState<Error>();
  const [address, setAddress] = useState('');
  const [searching, setSearching] = useState(false);

  const pick = async (point: PickedPoint) => {
    setPicked(point);
    setLookupError(undefined);
    try {
      setLookup(await watchApi.lookup(point.lon, point.lat));
    } catch (error) {
      setLookupError(error as Error);
    }
  };
  // The address goes to the server once and is not kept there; the answer is a block-level point.
  const search = async (text: string) => {
    if (text.trim().length < 3) return;
    setSearching(true);
    setLookupError(undefined);
    try {
      const answer = await watchApi.lookupAddress(text.trim());
      setLookup(answer);
      const place = answer.place ? { lon: answer.place.lon, lat: answer.place.lat } : null;
      setPicked(place);
      if (place) setFocus(place);
    } catch (error) {
      setLookupError(error as Error);
    } finally {
      setSearching(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void search(address);
  };
  const tryStreet = (street: string) => {
    const number = /^\s*(\d+)/.exec(address)?.[1] ?? '';
    const text = `${number} ${street}`.trim();
    setAddress(text);
    void search(text);
  };
  const withGroups = neighborhoods.data?.filter((n) => n.groups.length > 0) ?? [];

  return (
    <PortalLayout>
      <h1>{w('page.title')}</h1>
      <p className="usa-intro">{w('page.intro')}</p>
      <section aria-labelledby="watch-find-heading">
        <h2 id="watch-find-heading">{w('page.findHeading')}</h2>
        <form role="search" aria-label={w('address.formLabel')} className="bridges-watch__address" onSubmit={submit} data-testid="watch-address-form">
          <label className="usa-label" htmlFor="watch-address">{w('address.label')}</label>
          <span className="usa-hint" id="watch-address-hint">{w('address.hint')}</span>
          <div className="bridges-watch__address-row">
            <input className="usa-input" id="watch-address" name="address" type="text" autoComplete="street-address" maxLength={200}
              aria-describedby="watch-address-hint" value={address} onChange={(e) => setAddress(e.target.value)} />
            <button className="usa-button" type="submit" disabled={searching} data-testid="watch-address-submit">{w('address.search')}</button>
          </div>
        </form>
        <p id="watch-map-help">{w('page.mapHelp')}</p>
        <ErrorAlert error={groups.error ?? outlines.error} />
        <div aria-live="polite" data-testid="watch-lookup">
          <ErrorAlert error={lookupError} />
          {lookup && <LookupResult lookup={lookup} picked={picked} onStreet={tryStreet} />}
        </div>
        <WatchMap groups={groups.data} outlines={outlines.data} picked={picked} focus={focus} onPick={(p) => void pick(p)} label={w('page.mapLabel')} describedBy="watch-map-help" className="bridges-watch__map" />
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

const isAddress = (lookup: Lookup | AddressLookup): lookup is AddressLookup => 'status' in lookup;

function LookupResult({ lookup, picked, onStreet }: { lookup: Lookup | AddressLookup; picked: PickedPoint | null; onStreet(street: string): void }) {
  const { w } = useWatchI18n();
  if (isAddress(lookup) && lookup.status !== 'found') {
    return (
      <div className="usa-alert usa-alert--warning usa-alert--slim margin-y-2" data-testid="watch-address-result"><div className="usa-alert__body">
        {lookup.status === 'unreadable' && <p className="usa-alert__text">{w(`address.problem.${lookup.problem ?? 'empty'}`)}</p>}
        {lookup.status === 'not-found' && <p className="usa-alert__text">{w('address.notFound')}</p>}
        {lookup.status === 'ambiguous' && (
          <>
            <p className="usa-alert__text">{w(lookup.streets.some((s) => s.includes(' & ')) ? 'address.ambiguousCorner' : 'address.ambiguous')}</p>
            <ul className="usa-button-group margin-top-1">
              {lookup.streets.map((street) => (
                <li key={street} className="usa-button-group__item">
                  <button type="button" className="usa-button usa-button--outline" onClick={() => onStreet(street)}>{street}</button>
                </li>
              ))}
            </ul>
          </>
        )}
      </div></div>
    );
  }
  const place = isAddress(lookup) ? lookup.place : null;
  const where = place && (place.precision === 'address' || !place.street
    ? w('address.foundAddress')
    : place.precision === 'intersection'
      ? w('address.foundCorner', { street: place.street })
      : w(place.precision === 'block' ? 'address.foundBlock' : 'address.foundStreet', { block: String(place.block), street: place.street }));
  const nearby = lookup.nearby.length > 0 && (
    <>
      <p className="usa-alert__text">{w('lookup.nearby')}</p>
      <ul className="usa-list">
        {lookup.nearby.map((g) => <li key={g.id}><Link href={`/watch/${g.id}`}>{w('lookup.nearbyGroup', { name: g.name, metres: String(g.distanceMetres) })}</Link></li>)}
      </ul>
    </>
  );
  if (lookup.groups.length > 0) {
    return (
      <div className="usa-alert usa-alert--success usa-alert--slim margin-y-2" data-testid="watch-address-result"><div className="usa-alert__body">
        {where && <p className="usa-alert__text">{where}</p>}
        <p className="usa-alert__text">{w('lookup.found')}</p>
        <ul className="usa-list">
          {lookup.groups.map((g) => <li key={g.id}><Link href={`/watch/${g.id}`}>{g.name}</Link> <Link className="usa-button usa-button--outline usa-button--unstyled margin-left-1" href={`/watch/${g.id}`} aria-label={w('lookup.joinNamed', { name: g.name })}>{w('lookup.join')}</Link></li>)}
        </ul>
        {nearby}
      </div></div>
    );
  }
  const point = place ?? picked;
  const start = lookup.area ? `/watch/start?area=${lookup.area.id}${point ? `&lon=${point.lon}&lat=${point.lat}` : ''}` : '/watch/start';
  return (
    <div className="usa-alert usa-alert--info usa-alert--slim margin-y-2" data-testid="watch-address-result"><div className="usa-alert__body">
      {where && <p className="usa-alert__text">{where}</p>}
      <p className="usa-alert__text">{lookup.area ? w('lookup.noneIn', { area: lookup.area.name }) : w('lookup.outside')}</p>
      {nearby}
      {lookup.area && <p className="usa-alert__text"><Link href={start} data-testid="watch-start-here">{w('lookup.startHere', { area: lookup.area.name })}</Link></p>}
    </div></div>
  );
}
