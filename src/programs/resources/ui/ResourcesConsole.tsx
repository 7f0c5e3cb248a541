/** The console page of the resources program: record referrals and their take-up, see the figures, keep the directory. */
import { useState } from 'react';
import { useDocumentTitle } from '../../../web/router.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert, Loading, SuccessAlert } from '../../../web/components/Alerts.js';
import { ConsoleLayout } from '../../../web/console/ConsoleLayout.js';
import { useSession } from '../../../web/console/session.js';
import { resourcesApi } from './api.js';
import { ReferralForm } from './ReferralForm.js';
import { ReferralList, ReferralStatsView } from './ReferralTables.js';
import { ServiceAdmin } from './ServiceAdmin.js';
import { useResourcesI18n } from './i18n.js';

export const RESOURCES_PERMISSION = 'resources:refer';

export function ResourcesConsole() {
  return <ConsoleLayout permission={RESOURCES_PERMISSION}><Referrals /></ConsoleLayout>;
}

function Referrals() {
  const { r } = useResourcesI18n();
  useDocumentTitle(r('console.documentTitle'));
  const session = useSession();
  const needs = useAsync(() => resourcesApi.needs(), []);
  const services = useAsync(() => resourcesApi.search({}), []);
  const referrals = useAsync(() => resourcesApi.referrals(), []);
  const stats = useAsync(() => resourcesApi.referralStats(), []);
  const [message, setMessage] = useState<string>();
  const refresh = () => {
    referrals.reload();
    stats.reload();
  };
  return (
    <>
      <h1>{r('console.title')}</h1>
      <p>{r('console.intro')}</p>
      {message && <SuccessAlert>{message}</SuccessAlert>}
      <ErrorAlert error={needs.error ?? services.error ?? referrals.error ?? stats.error} />
      <section aria-labelledby="referral-new-heading">
        <h2 id="referral-new-heading">{r('console.newHeading')}</h2>
        {services.data && needs.data && (
          <ReferralForm services={services.data} needs={needs.data} onSaved={(ref) => { setMessage(r('console.saved', { service: ref.serviceName })); refresh(); }} />
        )}
      </section>
      <section aria-labelledby="referral-stats-heading" className="margin-top-4">
        <h2 id="referral-stats-heading">{r('console.statsHeading')}</h2>
        {stats.loading && !stats.data && <Loading />}
        {stats.data && needs.data && <ReferralStatsView stats={stats.data} needs={needs.data} />}
      </section>
      <section aria-labelledby="referral-list-heading" className="margin-top-4">
        <h2 id="referral-list-heading">{r('console.listHeading')}</h2>
        {referrals.data && needs.data && <ReferralList referrals={referrals.data} needs={needs.data} onChanged={refresh} />}
      </section>
      {session.can('resources:manage') && needs.data && (
        <section aria-labelledby="directory-heading" className="margin-top-4">
          <h2 id="directory-heading">{r('admin.heading')}</h2>
          <ServiceAdmin needs={needs.data} onChanged={(text) => { setMessage(text); services.reload(); }} />
        </section>
      )}
    </>
  );
}
