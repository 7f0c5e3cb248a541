import { useT } from '../i18n/index.js';
import { useConfig } from '../config.js';

/** Footer: what Bridges is, and in demo mode where the demonstration data comes from (their licences ask for it). */
export function SiteFooter() {
  const t = useT();
  const config = useConfig();
  return (
    <footer className="usa-footer usa-footer--slim">
      <div className="usa-footer__secondary-section">
        <div className="grid-container">
          <p className="bridges-footer__about">{t('footer.about')}</p>
          {config?.demoMode && (
            <p className="bridges-footer__demo" data-testid="demo-note">
              {t('footer.demo')}
            </p>
          )}
        </div>
      </div>
    </footer>
  );
}
