/** /board: the Community Advisory Board: vision, mission, members, meetings, and questions to the Chief. */
import { Link, useDocumentTitle } from '../../../web/router.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert, Loading } from '../../../web/components/Alerts.js';
import { PortalLayout } from '../../../web/portal/PortalLayout.js';
import { agencyParam, boardApi, type Board, type MeetingSummary } from './api.js';
import { useBoardI18n } from './i18n.js';
import { QuestionList } from './QuestionList.js';

export function BoardPage() {
  const { b, pick } = useBoardI18n();
  const agency = agencyParam();
  const board = useAsync(() => boardApi.board(agency), [agency]);
  const questions = useAsync(() => boardApi.questions(agency), [agency]);
  useDocumentTitle(b('page.documentTitle'));
  return (
    <PortalLayout>
      {board.loading && !board.data && <Loading />}
      {board.error && <><h1>{b('page.title')}</h1><ErrorAlert error={board.error} /></>}
      {board.data && <BoardDetails board={board.data} />}
      {board.data && (
        <section aria-labelledby="board-questions-heading" className="margin-top-5">
          <h2 id="board-questions-heading">{b('page.questionsHeading')}</h2>
          <p>{b('page.questionsIntro', { answerer: pick(board.data.answerer) })}</p>
          <p><Link className="usa-button" href={`/board/ask${agency ? `?agency=${agency}` : ''}`} data-testid="board-ask-link">{b('page.ask')}</Link></p>
          <ErrorAlert error={questions.error} />
          {questions.data && <QuestionList questions={questions.data.slice(0, 3)} headingLevel={3} />}
          {questions.data && questions.data.length > 3 && <p><Link href={`/board/questions${agency ? `?agency=${agency}` : ''}`}>{b('page.allQuestions', { n: questions.data.length })}</Link></p>}
        </section>
      )}
    </PortalLayout>
  );
}

function BoardDetails({ board }: { board: Board }) {
  const { b, pick } = useBoardI18n();
  return (
    <>
      <h1>{pick(board.name)}{board.isDemo && <span className="usa-tag bridges-demo-tag margin-left-1">{b('demo')}</span>}</h1>
      <p className="usa-intro">{b('page.intro', { agency: board.agency.name })}</p>
      <div className="bridges-board__statements">
        <section aria-labelledby="board-vision" className="bridges-board__statement">
          <h2 id="board-vision">{b('page.vision')}</h2>
          <p>{pick(board.vision)}</p>
        </section>
        <section aria-labelledby="board-mission" className="bridges-board__statement">
          <h2 id="board-mission">{b('page.mission')}</h2>
          <p>{pick(board.mission)}</p>
        </section>
      </div>
      <section aria-labelledby="board-meetings" className="margin-top-4">
        <h2 id="board-meetings">{b('page.meetingsHeading')}</h2>
        <p>{b('page.meetingsIntro')} <a href="/api/programs/events/calendar/programs/board.ics" data-testid="board-calendar">{b('page.calendar')}</a></p>
        <div className="bridges-board__columns">
          <div>
            <h3>{b('page.upcoming')}</h3>
            <MeetingList meetings={board.upcomingMeetings} timeZone={board.agency.timeZone} empty={b('page.noUpcoming')} />
          </div>
          <div>
            <h3>{b('page.recent')}</h3>
            <MeetingList meetings={board.recentMeetings} timeZone={board.agency.timeZone} empty={b('page.noRecent')} />
          </div>
        </div>
      </section>
      <section aria-labelledby="board-members" className="margin-top-4">
        <h2 id="board-members">{b('page.membersHeading')}</h2>
        <p>{b('page.membersIntro', { seats: board.seatCount, filled: board.filledSeats })}</p>
        <div className="usa-table-container--scrollable" tabIndex={0} role="region" aria-labelledby="board-members">
          <table className="usa-table usa-table--striped usa-table--compact width-full" data-testid="board-seats">
            <caption className="usa-sr-only">{b('page.membersCaption')}</caption>
            <thead><tr><th scope="col">{b('page.columns.seat')}</th><th scope="col">{b('page.columns.member')}</th><th scope="col">{b('page.columns.appointedBy')}</th><th scope="col">{b('page.columns.term')}</th></tr></thead>
            <tbody>
              {board.seats.map((seat) => (
                <tr key={seat.id}>
                  <th scope="row">{seat.number}. {pick(seat.label)}</th>
                  <td>{seat.member ? <>{seat.member.name}{pick(seat.member.bio) && <span className="display-block bridges-muted">{pick(seat.member.bio)}</span>}</> : <em>{b('page.vacant')}</em>}</td>
                  <td>{seat.member?.appointingBody ?? seat.appointingBody}</td>
                  <td>{seat.member ? `${seat.member.termStart} – ${seat.member.termEnd}` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

function MeetingList({ meetings, timeZone, empty }: { meetings: MeetingSummary[]; timeZone: string; empty: string }) {
  const { b, pick, formatDate } = useBoardI18n();
  if (meetings.length === 0) return <p>{empty}</p>;
  return (
    <ul className="usa-list usa-list--unstyled bridges-board__meetings">
      {meetings.map((m) => (
        <li key={m.id}>
          <Link href={`/board/meetings/${m.id}`}>{pick(m.title)}</Link>
          <span className="display-block">{formatDate(m.startsAt, { dateStyle: 'full', timeStyle: 'short', timeZone })}</span>
          <span className="display-block bridges-muted">
            {m.status === 'cancelled' ? b('status.cancelled') : m.hasMinutes ? b('page.minutesAvailable') : m.eventId ? <Link href={`/events/${m.eventId}`}>{b('page.rsvp')}</Link> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}
