/**
 * The Knox table: distance bands down, time bands across; each cell shows the Knox ratio, observed and
 * expected pairs and the p-value. Significant cells are shaded by their ratio (a colour-blind-safe orange
 * ramp) and also marked with an asterisk, so the shading is never the only cue.
 */
import { useI18n } from '../../i18n/index.js';
import type { NearRepeatReport } from './api.js';
import { bandLabel } from './knoxText.js';
import { KNOX_SHADES } from './palettes.js';

function shadeOf(ratio: number | null, p: number, alpha: number) {
  if (ratio === null || p > alpha) return null;
  return KNOX_SHADES.find((s) => ratio >= s.from) ?? null;
}

export function KnoxTable({ report }: { report: NearRepeatReport }) {
  const { t, formatNumber, locale } = useI18n();
  const fixed = (v: number, digits: number) => v.toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return (
    <>
      <div className="usa-table-container--scrollable" tabIndex={0} role="region" aria-labelledby="knox-caption">
        <table className="usa-table usa-table--borderless bridges-knox" data-testid="knox-table">
          <caption id="knox-caption">
            {t('analysis.nearRepeat.caption', { iterations: formatNumber(report.iterations), events: formatNumber(report.events), alpha: report.alpha })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('analysis.nearRepeat.distance')}</th>
              {report.timeBands.map((band) => <th scope="col" key={band}>{bandLabel(band, t)}</th>)}
            </tr>
          </thead>
          <tbody>
            {report.distanceBands.map((distance, r) => (
              <tr key={distance}>
                <th scope="row">{bandLabel(distance, t)}</th>
                {report.timeBands.map((band, c) => {
                  const ratio = report.knoxRatio[r][c];
                  const p = report.pValue[r][c];
                  const shade = shadeOf(ratio, p, report.alpha);
                  return (
                    <td key={band} style={shade ? { background: shade.background, color: shade.text } : undefined} data-significant={shade ? 'true' : undefined}>
                      <span className="bridges-knox__ratio">
                        {ratio === null ? '—' : fixed(ratio, 2)}
                        {p <= report.alpha && <span aria-hidden="true">*</span>}
                        {p <= report.alpha && <span className="usa-sr-only"> {t('analysis.nearRepeat.significant')}</span>}
                      </span>
                      <span className="bridges-knox__counts">{t('analysis.nearRepeat.cellCounts', { observed: formatNumber(report.observed[r][c]), expected: fixed(report.expectedMean[r][c], 1) })}</span>
                      <span className="bridges-knox__p">{t('analysis.nearRepeat.cellP', { p: fixed(p, 3) })}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="bridges-legend" aria-label={t('analysis.nearRepeat.shadingLegend', { alpha: report.alpha })}>
        <li className="bridges-legend__title">{t('analysis.nearRepeat.shadingLegend', { alpha: report.alpha })}</li>
        {[...KNOX_SHADES].reverse().map((s) => (
          <li key={s.key}>
            <span className="bridges-analysis__swatch" style={{ background: s.background }} aria-hidden="true" />
            {t(`analysis.nearRepeat.shades.${s.key}`)}
          </li>
        ))}
        <li>
          <span className="bridges-analysis__swatch bridges-analysis__swatch--empty" aria-hidden="true" />
          {t('analysis.nearRepeat.shades.none')}
        </li>
      </ul>
    </>
  );
}
