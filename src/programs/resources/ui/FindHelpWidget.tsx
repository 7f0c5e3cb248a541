import { Link } from '../../../web/router.js';
import { useResourcesI18n } from './i18n.js';

/** The home page's pointer to the services directory, with the crisis line first. */
export function FindHelpWidget() {
  const { r } = useResourcesI18n();
  return (
    <section aria-labelledby="find-help-heading" className="margin-y-4" data-testid="find-help-widget">
      <h2 id="find-help-heading">{r('widget.heading')}</h2>
      <p>{r('widget.body')}</p>
      <Link href="/resources" className="usa-button usa-button--outline">{r('widget.link')}</Link>
    </section>
  );
}
