import { useState } from 'react';
import { ErrorAlert } from '../../../web/components/Alerts.js';
import { BarChart } from '../../../web/portal/charts/BarChart.js';
import { resourcesApi, type Need, type Referral, type ReferralStats, type TakenUp } from './api.js';
import { useResourcesI18n } from './i18n.js';

// The page shows the latest ones; older referrals still count in the figures above.
const RECENT = 20;

/** Recent referrals, where a follow-up call's answer (taken up or not) is recorded. */
export function ReferralList({ referrals, needs, onChanged }: { referrals: Referral[]; needs: Need[]; onChanged(): void }) {
  const { r, pick, formatDate } = useResourcesI18n();
  const [error, setError] = useState<Error>();
  const update = async (id: number, takenUp: TakenUp) => {
    setError(undefined);
    try {
      await resourcesApi.setTakenUp(id, takenUp);
      onChanged();
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <>
      <ErrorAlert error={error} />
      <table className="usa-table usa-table--striped width-full" data-testid="referrals-table">
        <caption>{r('console.recentCaption', { n: referrals.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{r('console.date')}</th>
            <th scope="col">{r('console.service')}</th>
            <th scope="col">{r('public.need')}</th>
            <th scope="col">{r('console.caseRef')}</th>
            <th scope="col">{r('console.takenUp')}</th>
          </tr>
        </thead>
        <tbody>
          {referrals.slice(0, RECENT).map((ref) => (
            <tr key={ref.id}>
              <td>{formatDate(`${ref.referredOn}T12:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' })}</td>
              <th scope="row">{ref.serviceName}</th>
              <td>{pick(needs.find((n) => n.code === ref.need)?.label) || ref.need}</td>
              <td>{ref.caseRef ?? '–'}</td>
              <td>
                <select className="usa-select bridges-inline-select" value={ref.takenUp} aria-label={r('console.takenUpOf', { service: ref.serviceName, date: ref.referredOn })}
                  onChange={(e) => void update(ref.id, e.target.value as TakenUp)}>
                  {(['unknown', 'yes', 'no'] as const).map((v) => <option key={v} value={v}>{r(`console.taken.${v}`)}</option>)}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Referrals and take-up by need: a chart of the counts and the table with rates. */
export function ReferralStatsView({ stats, needs }: { stats: ReferralStats; needs: Need[] }) {
  const { r, pick, formatNumber } = useResourcesI18n();
  const label = (code: string) => pick(needs.find((n) => n.code === code)?.label) || code;
  const rate = (yes: number, known: number) => (known > 0 ? `${Math.round((yes / known) * 100)} %` : '–');
  return (
    <>
      <p data-testid="referral-total">{r('console.statsSummary', { n: formatNumber(stats.total.total), yes: formatNumber(stats.total.yes), rate: rate(stats.total.yes, stats.total.yes + stats.total.no) })}</p>
      {stats.byNeed.length > 0 && (
        <BarChart
          title={r('console.chartTitle')}
          summary={stats.byNeed.map((n) => `${label(n.need)}: ${n.total}`).join('; ')}
          bars={stats.byNeed.map((n) => ({ label: label(n.need), value: n.total }))}
          labelHeading={r('public.need')}
          valueHeading={r('console.referrals')}
        />
      )}
      <table className="usa-table usa-table--striped width-full" data-testid="referral-stats">
        <caption>{r('console.byNeedCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{r('public.need')}</th>
            <th scope="col" className="text-right">{r('console.referrals')}</th>
            <th scope="col" className="text-right">{r('console.taken.yes')}</th>
            <th scope="col" className="text-right">{r('console.taken.no')}</th>
            <th scope="col" className="text-right">{r('console.taken.unknown')}</th>
            <th scope="col" className="text-right">{r('console.rate')}</th>
          </tr>
        </thead>
        <tbody>
          {stats.byNeed.map((n) => (
            <tr key={n.need}>
              <th scope="row">{label(n.need)}</th>
              <td className="text-right">{formatNumber(n.total)}</td>
              <td className="text-right">{formatNumber(n.yes)}</td>
              <td className="text-right">{formatNumber(n.no)}</td>
              <td className="text-right">{formatNumber(n.unknown)}</td>
              <td className="text-right">{rate(n.yes, n.yes + n.no)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
