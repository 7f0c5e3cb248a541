import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../web/i18n/index.js';
import { ErrorAlert } from '../../../web/components/Alerts.js';
import { problemsApi, type ProblemDetail } from './api.js';

/**
 * The assessment: target, buffer and control counts before and after the response started, the change in the
 * target and the Weighted Displacement Quotient with its plain-language reading.
 */
export function AssessmentView({ problem, canAssess, onAssessed }: { problem: ProblemDetail; canAssess: boolean; onAssessed(): void }) {
  const { t, formatNumber } = useI18n();
  const k = (key: string, vars?: Record<string, string | number>) => t(`programs.problems.assessment.${key}`, vars);
  const [days, setDays] = useState('90');
  const [buffer, setBuffer] = useState('400');
  const [error, setError] = useState<Error>();
  const a = problem.assessment;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await problemsApi.assess(problem.id, Number(days), Number(buffer));
      onAssessed();
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <section aria-labelledby="assessment-heading" className="margin-top-4">
      <h2 id="assessment-heading">{k('heading')}</h2>
      {!a && <p>{k('none')}</p>}
      {a && (
        <div data-testid="assessment">
          <p>{k('periods', { days: a.days, start: a.responseStart, buffer: a.bufferM })}</p>
          <table className="usa-table usa-table--compact">
            <caption>{k('caption')}</caption>
            <thead><tr><th scope="col">{k('zone')}</th><th scope="col">{k('before')}</th><th scope="col">{k('after')}</th></tr></thead>
            <tbody>
              <tr><th scope="row">{k('target')}</th><td>{a.counts.targetBefore}</td><td>{a.counts.targetAfter}</td></tr>
              <tr><th scope="row">{k('buffer')}</th><td>{a.counts.bufferBefore}</td><td>{a.counts.bufferAfter}</td></tr>
              <tr><th scope="row">{k('control')}</th><td>{a.counts.controlBefore}</td><td>{a.counts.controlAfter}</td></tr>
            </tbody>
          </table>
          <p>{a.targetChange === null ? k('noChange') : k('change', { change: `${a.targetChange > 0 ? '+' : ''}${formatNumber(a.targetChange)}` })}</p>
          {a.wdq.computable && a.wdq.successMeasure < 0
            ? <p data-testid="wdq"><strong>{k('wdq', { value: a.wdq.wdq === null ? '—' : formatNumber(Math.round(a.wdq.wdq * 100) / 100), net: formatNumber(Math.round(a.wdq.totalNetEffect * 10) / 10) })}</strong> {a.wdq.interpretation}</p>
            : <p data-testid="wdq">{a.wdq.computable ? a.wdq.interpretation : a.wdq.reason}</p>}
        </div>
      )}
      {canAssess && (problem.stage === 'assessment' || problem.stage === 'closed') && (
        <form className="usa-form" onSubmit={submit} data-testid="assessment-form">
          <ErrorAlert error={error} />
          <label className="usa-label" htmlFor="assess-days">{k('days')}</label>
          <input className="usa-input usa-input--small" type="number" id="assess-days" min={14} max={365} value={days} onChange={(e) => setDays(e.target.value)} />
          <label className="usa-label" htmlFor="assess-buffer">{k('bufferM')}</label>
          <input className="usa-input usa-input--small" type="number" id="assess-buffer" min={100} max={2000} step={50} value={buffer} onChange={(e) => setBuffer(e.target.value)} />
          <button type="submit" className="usa-button margin-top-2">{k('run')}</button>
        </form>
      )}
    </section>
  );
}
