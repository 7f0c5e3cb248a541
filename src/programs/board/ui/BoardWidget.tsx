import { Link } from '../../../web/router.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { boardApi } from './api.js';
import { useBoardI18n } from './i18n.js';

/** The portal home's invitation to ask the Chief, with the latest answer. Quiet when the site has no board. */
export function BoardWidget() {
  const { b, pick } = useBoardI18n();
  const questions = useAsync(() => boardApi.questions(), []);
  if (questions.error) return null;
  const latest = questions.data?.[0];
  return (
    <section aria-labelledby="board-widget-heading" className="margin-y-4" data-testid="board-widget">
      <h2 id="board-widget-heading">{b('widget.heading')}</h2>
      <p>{b('widget.body')}</p>
      {latest && (
        <div className="bridges-board__latest">
          <p className="margin-bottom-05"><strong>{pick(latest.question)}</strong></p>
          <p className="margin-top-0">{pick(latest.answer)}</p>
        </div>
      )}
      <p>
        <Link className="usa-button" href="/board/ask">{b('page.ask')}</Link>
        <Link className="usa-button usa-button--outline" href="/board">{b('widget.more')}</Link>
      </p>
    </section>
  );
}
