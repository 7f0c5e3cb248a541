/** /volunteers/apply: the application form, then a confirmation that says who will get in touch and how. */
import { useEffect, useRef, useState } from 'react';
import { Link, useDocumentTitle } from '../../../web/router.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert, Loading } from '../../../web/components/Alerts.js';
import { PortalLayout } from '../../../web/portal/PortalLayout.js';
import { volunteersApi } from './api.js';
import { ApplyForm } from './ApplyForm.js';
import { useVolunteersI18n } from './i18n.js';

interface Applied { programName: Record<string, string>; agencyName: string; contact: 'email' | 'phone' | 'text' }

export function ApplyPage() {
  const { v, pick } = useVolunteersI18n();
  useDocumentTitle(v('apply.documentTitle'));
  const programs = useAsync(() => volunteersApi.publicPrograms(), []);
  const [applied, setApplied] = useState<Applied | null>(null);
  const confirmation = useRef<HTMLHeadingElement>(null);
  const initial = Number(new URLSearchParams(window.location.search).get('program')) || undefined;

  // The confirmation replaces the form; focus goes to it so screen-reader users hear that it worked.
  useEffect(() => {
    if (applied) confirmation.current?.focus();
  }, [applied]);

  return (
    <PortalLayout>
      <h1>{v('apply.title')}</h1>
      {!applied && <p className="usa-intro">{v('apply.intro')}</p>}
      {programs.loading && !programs.data && <Loading />}
      <ErrorAlert error={programs.error} />
      {applied ? (
        <div className="usa-alert usa-alert--success" data-testid="apply-done">
          <div className="usa-alert__body">
            <h2 className="usa-alert__heading" ref={confirmation} tabIndex={-1}>{v('apply.doneHeading')}</h2>
            <p className="usa-alert__text">
              {v('apply.done', { program: pick(applied.programName), agency: applied.agencyName, contact: v(`apply.contactBy.${applied.contact}`).toLowerCase() })}
            </p>
            <p className="usa-alert__text"><Link href="/volunteers">{v('apply.backToPrograms')}</Link></p>
          </div>
        </div>
      ) : (
        programs.data && <ApplyForm programs={programs.data} initialProgramId={initial} onApplied={setApplied} />
      )}
    </PortalLayout>
  );
}
