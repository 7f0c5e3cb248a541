/** /volunteers: the volunteer programs residents can join, each with its ages and a link to apply. */
import { useDocumentTitle, Link } from '../../../web/router.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert, Loading } from '../../../web/components/Alerts.js';
import { PortalLayout } from '../../../web/portal/PortalLayout.js';
import { volunteersApi, type VolunteerProgram } from './api.js';
import { useVolunteersI18n } from './i18n.js';
import { agesText } from './ages.js';

export function ProgramsPage() {
  const { v } = useVolunteersI18n();
  useDocumentTitle(v('public.documentTitle'));
  const programs = useAsync(() => volunteersApi.publicPrograms(), []);
  return (
    <PortalLayout>
      <h1>{v('public.title')}</h1>
      <p className="usa-intro">{v('public.intro')}</p>
      <p>
        <Link href="/volunteers/apply" className="usa-button usa-button--big" data-testid="volunteer-apply-link">{v('public.applyNow')}</Link>
      </p>
      {programs.loading && !programs.data && <Loading />}
      <ErrorAlert error={programs.error} />
      {programs.data?.length === 0 && <p>{v('public.none')}</p>}
      {programs.data && programs.data.length > 0 && (
        <ul className="usa-card-group" data-testid="volunteer-programs">
          {programs.data.map((program) => <ProgramCard key={program.id} program={program} />)}
        </ul>
      )}
    </PortalLayout>
  );
}

function ProgramCard({ program }: { program: VolunteerProgram }) {
  const i18n = useVolunteersI18n();
  const { v, pick } = i18n;
  const name = pick(program.name);
  return (
    <li className="usa-card tablet:grid-col-6" data-testid={`volunteer-program-${program.code}`}>
      <div className="usa-card__container">
        <div className="usa-card__header">
          <h2 className="usa-card__heading">{name}</h2>
        </div>
        <div className="usa-card__body">
          <p>{pick(program.description)}</p>
          <p className="bridges-muted">
            {agesText(i18n, program.ageBands)}
            {program.youth && <> · {v('public.youthNote')}</>}
          </p>
          <p className="bridges-muted">{program.agency.name}</p>
        </div>
        <div className="usa-card__footer">
          <Link href={`/volunteers/apply?program=${program.id}`} className="usa-button usa-button--outline" aria-label={v('public.applyTo', { name })}>
            {v('public.apply')}
          </Link>
        </div>
      </div>
    </li>
  );
}
