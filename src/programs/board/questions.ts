/**
 * Questions from the public to the Chief. Anyone may ask without an account; staff moderate (accept,
 * decline, answer); answered questions are published with the answer, in English and Spanish. An e-mail,
 * given with consent, only serves to say the answer is out, and is erased as soon as that is done.
 */
import type { Db, Queryable } from '../../db/types.js';
import { appendAudit, type AuditActor } from '../../core/audit/audit.js';
import { AppError, notFound } from '../../core/errors.js';
import type { Senders } from '../../core/messaging/index.js';
import type { BoardAgency } from './profile.js';
import type { ModerationInput, PublicQuestionView, QuestionInput, StaffQuestionView } from './validation.js';

const PUBLIC_ACTOR = { label: 'public' };

export async function submitQuestion(db: Db, agency: BoardAgency, input: QuestionInput): Promise<{ reference: number }> {
  return db.transaction(async (tx) => {
    const [{ id }] = await tx.query<{ id: number }>(
      'INSERT INTO board_questions (agency_id, question, language, email, contact_consent) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [agency.agencyId, input.question, input.language, input.contactConsent ? input.email ?? null : null, input.contactConsent && Boolean(input.email)]);
    await appendAudit(tx, { actor: PUBLIC_ACTOR, action: 'board.question_submit', targetType: 'board_question', targetId: id, outcome: 'success', details: { agencyId: agency.agencyId } });
    return { reference: id };
  });
}

export async function publicQuestions(q: Queryable, agencyId: number): Promise<PublicQuestionView[]> {
  return q.query<PublicQuestionView>(
    `SELECT id, published_question AS question, language, answer, answered_at AS "answeredAt", is_demo AS "isDemo" FROM board_questions
     WHERE agency_id = $1 AND status = 'answered' ORDER BY answered_at DESC, id DESC LIMIT 200`, [agencyId]);
}

interface QuestionRow {
  id: number; question: string; language: string; status: StaffQuestionView['status']; wants_reply: boolean; published_question: Record<string, string> | null;
  answer: Record<string, string> | null; moderation_note: string | null; created_at: Date; answered_at: Date | null;
}
const toStaff = (r: QuestionRow): StaffQuestionView => ({
  id: r.id, question: r.question, language: r.language, status: r.status, wantsReply: r.wants_reply, publishedQuestion: r.published_question,
  answer: r.answer, moderationNote: r.moderation_note, createdAt: r.created_at, answeredAt: r.answered_at,
});
const STAFF_COLUMNS = `id, question, language, status, email IS NOT NULL AS wants_reply, published_question, answer, moderation_note, created_at, answered_at`;

export async function staffQuestions(q: Queryable, agencyId: number, status?: StaffQuestionView['status']): Promise<StaffQuestionView[]> {
  const rows = await q.query<QuestionRow>(
    `SELECT ${STAFF_COLUMNS} FROM board_questions WHERE agency_id = $1 AND ($2::text IS NULL OR status = $2)
     ORDER BY CASE status WHEN 'received' THEN 0 WHEN 'accepted' THEN 1 ELSE 2 END, created_at DESC LIMIT 500`, [agencyId, status ?? null]);
  return rows.map(toStaff);
}

export interface ModerationOutcome {
  question: StaffQuestionView;
  /** Set when the asker should be told (answered or declined) and gave an e-mail with consent. */
  notify: { email: string; language: string; kind: 'answered' | 'declined'; id: number } | null;
}

/** Accept, decline or answer. Moving an answered question is refused: a published answer stays published. */
export async function moderateQuestion(db: Db, actor: AuditActor & { userId: number; agencyId: number }, id: number, input: ModerationInput): Promise<ModerationOutcome> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ status: string; email: string | null; language: string }>(
      'SELECT status, email, language FROM board_questions WHERE id = $1 AND agency_id = $2 FOR UPDATE', [id, actor.agencyId]);
    if (!row) throw notFound(`Question ${id}`);
    if (row.status === 'answered' || row.status === 'declined') throw new AppError(409, 'decided', `Question ${id} is already ${row.status}.`);
    if (input.action === 'answer') {
      await tx.query(
        `UPDATE board_questions SET status = 'answered', published_question = $2, answer = $3, moderation_note = COALESCE($4, moderation_note),
           answered_by = $5, moderated_by = COALESCE(moderated_by, $5), answered_at = now() WHERE id = $1`,
        [id, JSON.stringify(input.publishedQuestion), JSON.stringify(input.answer), input.note ?? null, actor.userId]);
    } else {
      await tx.query('UPDATE board_questions SET status = $2, moderation_note = COALESCE($3, moderation_note), moderated_by = $4 WHERE id = $1',
        [id, input.action === 'accept' ? 'accepted' : 'declined', input.note ?? null, actor.userId]);
    }
    await appendAudit(tx, { actor, action: `board.question_${input.action}`, targetType: 'board_question', targetId: id, outcome: 'success', details: { statusFrom: row.status } });
    const [updated] = await tx.query<QuestionRow>(`SELECT ${STAFF_COLUMNS} FROM board_questions WHERE id = $1`, [id]);
    const kind = input.action === 'answer' ? 'answered' : input.action === 'decline' ? 'declined' : null;
    return { question: toStaff(updated), notify: kind && row.email ? { email: row.email, language: row.language, kind, id } : null };
  });
}

const REPLIES = {
  en: { answered: ['Your question to the Chief was answered', 'Your question to the Chief has been answered. Read the answer here: {url}'], declined: ['About your question to the Chief', 'Thank you for your question. The board could not publish it; you can ask another one at {url}'] },
  es: { answered: ['Su pregunta al Jefe fue respondida', 'Su pregunta al Jefe ya tiene respuesta. Lea la respuesta aquí: {url}'], declined: ['Sobre su pregunta al Jefe', 'Gracias por su pregunta. La junta no pudo publicarla; puede hacer otra en {url}'] },
} as const;

/** Tells the asker, then erases their e-mail: it was given for this one message. */
export async function notifyAsker(db: Db, senders: Senders, publicUrl: string, notify: NonNullable<ModerationOutcome['notify']>): Promise<void> {
  const [subject, body] = REPLIES[notify.language === 'es' ? 'es' : 'en'][notify.kind];
  const url = notify.kind === 'answered' ? `${publicUrl}/board/questions#question-${notify.id}` : `${publicUrl}/board/ask`;
  try {
    await senders.email.send({ to: notify.email, subject, text: body.replace('{url}', url), source: 'board' });
    await db.query('UPDATE board_questions SET notified_at = now() WHERE id = $1', [notify.id]);
  } finally {
    // Erased even when sending failed: the address was lent for one message, not kept for retries.
    await db.query('UPDATE board_questions SET email = NULL, contact_consent = false WHERE id = $1', [notify.id]);
  }
}
