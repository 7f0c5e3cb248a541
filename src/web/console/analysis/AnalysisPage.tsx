/**
 * The analysis console: one page with a view per capability (hot spots, near repeat, forecast, backtest,
 * CompStat, displacement), chosen by the address. Needs incidents:read, like the API behind it.
 */
import type { ComponentType } from 'react';
import { useI18n } from '../../i18n/index.js';
import { Link, Redirect, useDocumentTitle, usePath } from '../../router.js';
import { ConsoleLayout } from '../ConsoleLayout.js';
import { ANALYSIS_HOME, ANALYSIS_VIEWS, analysisPath, type AnalysisView } from './paths.js';
import { HotspotsView } from './HotspotsView.js';
import { NearRepeatView } from './NearRepeatView.js';
import { ForecastView } from './ForecastView.js';
import { BacktestView } from './BacktestView.js';
import { CompstatView } from './CompstatView.js';
import { DisplacementView } from './DisplacementView.js';
import './analysis.css';

const VIEWS: Record<AnalysisView, ComponentType> = {
  hotspots: HotspotsView,
  'near-repeat': NearRepeatView,
  forecast: ForecastView,
  backtest: BacktestView,
  compstat: CompstatView,
  displacement: DisplacementView,
};

export function AnalysisPage() {
  return (
    <ConsoleLayout permission="incidents:read" wide>
      <Analysis />
    </ConsoleLayout>
  );
}

function Analysis() {
  const { t } = useI18n();
  const path = usePath().replace(/\/+$/, '');
  const current = ANALYSIS_VIEWS.find((v) => analysisPath(v) === path);
  useDocumentTitle(t('analysis.documentTitle', { view: current ? t(`analysis.views.${current}`) : t('analysis.title') }));
  if (!current || path === ANALYSIS_HOME) return <Redirect to={analysisPath('hotspots')} />;
  const View = VIEWS[current];
  return (
    <>
      <h1>{t('analysis.title')}</h1>
      <p className="bridges-no-print">{t('analysis.intro')}</p>
      <nav aria-label={t('analysis.viewsLabel')} className="bridges-no-print">
        <ul className="bridges-analysis__tabs">
          {ANALYSIS_VIEWS.map((view) => (
            <li key={view}>
              <Link href={analysisPath(view)} aria-current={view === current ? 'page' : undefined} className={view === current ? 'is-current' : undefined}>
                {t(`analysis.views.${view}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {/* A fresh view per address: its form and results start over when the analyst switches views. */}
      <View key={current} />
    </>
  );
}
