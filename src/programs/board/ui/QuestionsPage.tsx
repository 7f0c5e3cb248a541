/** /board/questions: every answered question with its answer. */
import { Link, useDocumentTitle } from '../../../web/router.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert, Loading } from '../../../web/components/Alerts.js';
import { PortalLayout } from '../../../web/portal/PortalLayout.js';
import { agencyParam, boardApi } from './api.js';
import { useBoardI18n } from './i18n.js';
import { QuestionList } from './QuestionList.js';

export function QuestionsPage() {
  const { b } = useBoardI18n();
  useDocumentTitle(b('questions.documentTitle'));
  const agency = agencyParam();
  const questions = useAsync(() => boardApi.questions(agency), [agency]);
  const suffix = agency ? `?agency=${agency}` : '';
  return (
    <PortalLayout>
      <p><Link href={`/board${suffix}`}>{b('back')}</Link></p>
      <h1>{b('questions.title')}</h1>
      <p><Link className="usa-button" href={`/board/ask${suffix}`}>{b('page.ask')}</Link></p>
      {questions.loading && !questions.data && <Loading />}
      <ErrorAlert error={questions.error} />
      {questions.data && <QuestionList questions={questions.data} headingLevel={2} />}
    </PortalLayout>
  );
}
