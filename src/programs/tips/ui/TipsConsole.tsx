/**
 * The console page of the tips program: the triage queue, one tip (?tip=ID), the reward board and the
 * dashboard, each shown to the staff whose permissions allow it.
 */
import { useI18n } from '../../../web/i18n/index.js';
import { navigate, useDocumentTitle, usePath } from '../../../web/router.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert, Loading } from '../../../web/components/Alerts.js';
import { ConsoleLayout } from '../../../web/console/ConsoleLayout.js';
import { useSession } from '../../../web/console/session.js';
import { tipsApi } from './api.js';
import { TIPS_PAGE } from './paths.js';
import { TipQueue } from './TipQueue.js';
import { TipDetailPage } from './TipDetail.js';
import { RewardsBoard } from './RewardsBoard.js';
import { TipDashboardPanel } from './TipDashboard.js';

export const TIPS_PERMISSION = 'tips:read';

type View = 'queue' | 'rewards' | 'dashboard';

/** The page's own state lives in the query string, so the browser's back button works. */
function useQuery(): URLSearchParams {
  usePath();
  return new URLSearchParams(window.location.search);
}

export function TipsConsole() {
  return (
    <ConsoleLayout permission={TIPS_PERMISSION} wide>
      <Tips />
    </ConsoleLayout>
  );
}

function Tips() {
  const { t } = useI18n();
  const session = useSession();
  const query = useQuery();
  useDocumentTitle(t('programs.tips.console.documentTitle'));
  const meta = useAsync(() => tipsApi.meta(), []);
  const tipId = Number(query.get('tip'));
  const view = (query.get('view') as View | null) ?? 'queue';
  const views: Array<[View, string, boolean]> = [
    ['queue', t('programs.tips.console.queue'), true],
    ['rewards', t('programs.tips.console.rewards'), session.can('tips:reward_approve') || session.can('tips:reward_pay')],
    ['dashboard', t('programs.tips.console.dashboard'), session.can('tips:dashboard')],
  ];

  if (meta.loading && !meta.data) return <Loading />;
  if (!meta.data) return <ErrorAlert error={meta.error} />;
  if (tipId > 0) return <TipDetailPage id={tipId} meta={meta.data} />;
  return (
    <>
      <h1>{t('programs.tips.console.title')}</h1>
      <nav aria-label={t('programs.tips.console.views')} className="usa-button-group margin-bottom-3">
        {views.filter(([, , allowed]) => allowed).map(([value, label]) => (
          <a key={value} href={`${TIPS_PAGE}?view=${value}`} className={`usa-button ${view === value ? '' : 'usa-button--outline'}`}
            aria-current={view === value ? 'page' : undefined}
            onClick={(e) => { e.preventDefault(); navigate(`${TIPS_PAGE}?view=${value}`); }}>
            {label}
          </a>
        ))}
      </nav>
      {view === 'queue' && <TipQueue meta={meta.data} />}
      {view === 'rewards' && <RewardsBoard />}
      {view === 'dashboard' && <TipDashboardPanel meta={meta.data} />}
    </>
  );
}
