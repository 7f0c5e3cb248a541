import { Link } from '../../../web/router.js';
import { useVolunteersI18n } from './i18n.js';

/** The home page's invitation to volunteer: one sentence and the way in. */
export function VolunteerWidget() {
  const { v } = useVolunteersI18n();
  return (
    <section aria-labelledby="volunteer-widget-heading" className="margin-y-4" data-testid="volunteer-widget">
      <h2 id="volunteer-widget-heading">{v('widget.heading')}</h2>
      <p>{v('widget.body')}</p>
      <Link href="/volunteers" className="usa-button usa-button--outline">{v('widget.link')}</Link>
    </section>
  );
}
