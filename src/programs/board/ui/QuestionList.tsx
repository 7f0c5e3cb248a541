import type { Question } from './api.js';
import { useBoardI18n } from './i18n.js';

/** Answered questions, each with its answer; the anchor lets the asker's message link straight to it. */
export function QuestionList({ questions, headingLevel }: { questions: Question[]; headingLevel: 2 | 3 }) {
  const { b, pick, formatDate } = useBoardI18n();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  if (questions.length === 0) return <p>{b('questions.none')}</p>;
  return (
    <ol className="usa-list usa-list--unstyled bridges-board__questions" data-testid="board-questions">
      {questions.map((q) => (
        <li key={q.id} id={`question-${q.id}`} className="bridges-board__question">
          <Heading className="bridges-board__q">{pick(q.question)}</Heading>
          <p className="bridges-board__a"><strong>{b('questions.answer')}</strong> {pick(q.answer)}</p>
          <p className="bridges-muted">{b('questions.answeredOn', { date: formatDate(q.answeredAt, { dateStyle: 'long' }) })}{q.isDemo ? ` · ${b('demo')}` : ''}</p>
        </li>
      ))}
    </ol>
  );
}
