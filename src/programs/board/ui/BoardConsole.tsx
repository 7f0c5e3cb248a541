/** Console page of the Advisory Board: questions to moderate and answer, meetings, seats and members, profile. */
import { useDocumentTitle } from '../../../web/router.js';
import { ConsoleLayout } from '../../../web/console/ConsoleLayout.js';
import { useBoardI18n } from './i18n.js';
import { MeetingsAdmin } from './MeetingsAdmin.js';
import { ProfileForm } from './ProfileForm.js';
import { QuestionModeration } from './QuestionModeration.js';
import { SeatsAdmin } from './SeatsAdmin.js';

export const BOARD_PERMISSION = 'board:manage';

export function BoardConsole() {
  return (
    <ConsoleLayout permission={BOARD_PERMISSION}>
      <BoardAdmin />
    </ConsoleLayout>
  );
}

function BoardAdmin() {
  const { b } = useBoardI18n();
  useDocumentTitle(b('console.documentTitle'));
  return (
    <>
      <h1>{b('console.title')}</h1>
      <p>{b('console.intro')}</p>
      <nav aria-label={b('console.sectionsLabel')} className="margin-bottom-3">
        <ul className="usa-list usa-list--unstyled bridges-board__toc">
          {['questions', 'meetings', 'seats', 'profile'].map((id) => <li key={id}><a href={`#board-${id}`}>{b(`console.sections.${id}`)}</a></li>)}
        </ul>
      </nav>
      <QuestionModeration />
      <MeetingsAdmin />
      <SeatsAdmin />
      <ProfileForm />
    </>
  );
}
