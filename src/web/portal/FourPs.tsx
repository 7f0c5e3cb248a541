import { useT } from '../i18n/index.js';

const PILLARS = ['prediction', 'prevention', 'pursuit', 'partnerships'] as const;

/** The four ideas Bridges is built on, in the words a resident would use. */
export function FourPs() {
  const t = useT();
  return (
    <section aria-labelledby="four-ps-heading" className="margin-y-4">
      <h2 id="four-ps-heading">{t('portal.fourPs.heading')}</h2>
      <p className="usa-intro">{t('portal.fourPs.intro')}</p>
      <ul className="usa-card-group">
        {PILLARS.map((pillar) => (
          <li className="usa-card tablet:grid-col-6 desktop:grid-col-3" key={pillar}>
            <div className="usa-card__container">
              <div className="usa-card__header">
                <h3 className="usa-card__heading">{t(`portal.fourPs.${pillar}.title`)}</h3>
              </div>
              <div className="usa-card__body">
                <p>{t(`portal.fourPs.${pillar}.body`)}</p>
              </div>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
