import type { Need, Service } from './api.js';
import { useResourcesI18n } from './i18n.js';

/** One service in the results: what it helps with, in which languages, how to reach it and when. */
export function ServiceCard({ service, needs }: { service: Service; needs: Need[] }) {
  const { r, pick, languageName } = useResourcesI18n();
  const needLabel = (code: string) => pick(needs.find((n) => n.code === code)?.label) || code;
  const headingId = `service-${service.id}`;
  const hours = pick(service.hours);
  return (
    <li className="bridges-service" data-testid="service-result">
      <h2 className="bridges-service__name" id={headingId}>{service.name}</h2>
      {service.organisation && <p className="bridges-muted margin-0">{service.organisation}</p>}
      <p>{pick(service.description)}</p>
      <p className="margin-y-1">
        {service.available24h && <span className="usa-tag bridges-service__always">{r('results.always')}</span>}
        {service.needs.map((n) => <span key={n} className="usa-tag bridges-service__need">{needLabel(n)}</span>)}
      </p>
      <dl className="bridges-service__facts">
        <dt>{r('results.languages')}</dt>
        <dd data-testid="service-languages">{service.languages.map(languageName).join(', ')}</dd>
        {service.phone && <><dt>{r('results.phone')}</dt><dd><a href={`tel:${service.phone.replace(/[^0-9+]/g, '')}`}>{service.phone}</a></dd></>}
        {service.textLine && <><dt>{r('results.text')}</dt><dd>{service.textLine}</dd></>}
        {service.website && <><dt>{r('results.website')}</dt><dd><a href={service.website} rel="noopener noreferrer" target="_blank">{service.website.replace(/^https?:\/\//, '')}</a></dd></>}
        {service.address && <><dt>{r('results.address')}</dt><dd>{service.address}</dd></>}
        {service.confidentialLocation && <><dt>{r('results.address')}</dt><dd>{r('results.confidential')}</dd></>}
        {hours && <><dt>{r('results.hours')}</dt><dd>{hours}</dd></>}
        <dt>{r('results.serves')}</dt>
        <dd>{service.citywide ? r('results.citywide') : service.areas.map((a) => a.name).join(', ')}</dd>
      </dl>
    </li>
  );
}
