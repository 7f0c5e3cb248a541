import { useT } from '../../i18n/index.js';

/** The Run button; while an analysis runs it says so (and a polite live region tells screen readers). */
export function RunButton({ running, label }: { running: boolean; label?: string }) {
  const t = useT();
  return (
    <div className="bridges-analysis__run">
      <button type="submit" className="usa-button" disabled={running} data-testid="analysis-run">
        {running ? t('analysis.running') : (label ?? t('analysis.run'))}
      </button>
      <span className="bridges-muted" role="status" aria-live="polite">{running ? t('analysis.runningNote') : ''}</span>
    </div>
  );
}
