/** The classes of the cell map in words, with their colours and how many cells each has. */
import { useI18n } from '../../i18n/index.js';
import type { SurfaceClass } from './api.js';

export function CellLegend({ classes, colors }: { classes: SurfaceClass[]; colors: Record<number, string> }) {
  const { t, formatNumber } = useI18n();
  const shown = classes.filter((c) => colors[c.value]);
  return (
    <ul className="bridges-legend" aria-label={t('map.legend')} data-testid="analysis-legend">
      {shown.map((c) => (
        <li key={c.key}>
          <span className="bridges-analysis__swatch" style={{ background: colors[c.value] }} aria-hidden="true" />
          {t('analysis.classes.withCount', { label: t(`analysis.classes.${c.key}`), n: formatNumber(c.cells) })}
        </li>
      ))}
      <li>
        <span className="bridges-legend__line" style={{ borderColor: '#3d4551' }} aria-hidden="true" />
        {t('map.areaOutline')}
      </li>
    </ul>
  );
}
