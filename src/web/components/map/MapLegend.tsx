import { useT } from '../../i18n/index.js';
import { COLORS } from './mapStyle.js';

/** What the colours on the map mean, in text (colour is never the only carrier of meaning). */
export function MapLegend({ showIncidents = true, shadedAreas = false }: { showIncidents?: boolean; shadedAreas?: boolean }) {
  const t = useT();
  return (
    <ul className="bridges-legend" aria-label={t('map.legend')}>
      {showIncidents && (
        <>
          <li>
            <span className="bridges-legend__dot" style={{ background: COLORS.violent }} aria-hidden="true" />
            {t('map.violent')}
          </li>
          <li>
            <span className="bridges-legend__dot" style={{ background: COLORS.nonViolent }} aria-hidden="true" />
            {t('map.nonViolent')}
          </li>
        </>
      )}
      <li>
        <span className="bridges-legend__line" style={{ borderColor: COLORS.areaLine }} aria-hidden="true" />
        {t('map.areaOutline')}
      </li>
      {shadedAreas && (
        <li>
          <span className="bridges-legend__ramp" style={{ background: `linear-gradient(to right, ${COLORS.areaFill}0a, ${COLORS.areaFill}80)` }} aria-hidden="true" />
          {t('map.shading')}
        </li>
      )}
    </ul>
  );
}
