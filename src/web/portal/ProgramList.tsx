import { api } from '../api/client.js';
import { useI18n } from '../i18n/index.js';
import { useAsync } from '../hooks/useAsync.js';
import { ErrorAlert, Loading } from '../components/Alerts.js';

/** The programs this deployment runs, as the server lists them (/api/programs). */
export function ProgramList() {
  const { t, pick } = useI18n();
  const programs = useAsync(() => api.programs(), []);
  return (
    <section aria-labelledby="programs-heading" className="margin-y-4">
      <h2 id="programs-heading">{t('portal.programs.heading')}</h2>
      <p>{t('portal.programs.intro')}</p>
      {programs.loading && !programs.data && <Loading />}
      <ErrorAlert error={programs.error} />
      {programs.data && (
        <ul className="usa-collection" data-testid="program-list">
          {programs.data.map((program) => (
            <li className="usa-collection__item" key={program.id}>
              <div className="usa-collection__body">
                <h3 className="usa-collection__heading">{pick(program.name)}</h3>
                <p className="usa-collection__description">{pick(program.summary)}</p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
