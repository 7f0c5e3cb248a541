import { z } from 'zod';
import { languageField } from '../../core/languages.js';

export const localizedText = (max: number) =>
  z.object({ en: z.string().trim().min(1, 'English text is required').max(max), es: z.string().trim().min(1, 'Spanish text is required').max(max) })
    .catchall(z.string().trim().max(max));
const optionalText = (max: number) => z.object({ en: z.string().trim().max(max).default(''), es: z.string().trim().max(max).default('') });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const text = z.record(z.string(), z.string());

export const questionStatus = z.enum(['received', 'accepted', 'declined', 'answered']);
export const meetingStatus = z.enum(['scheduled', 'held', 'cancelled']);

export const profileInput = z.object({
  name: localizedText(160),
  vision: localizedText(2000),
  mission: localizedText(4000),
  answerer: localizedText(120),
});

export const seatInput = z.object({
  number: z.number().int().positive().max(500),
  label: localizedText(120),
  appointingBody: z.string().trim().min(1, 'Say who appoints to this seat').max(160),
});
export const seatPatch = z.object({ label: localizedText(120).optional(), appointingBody: z.string().trim().min(1).max(160).optional(), active: z.boolean().optional() });

export const termInput = z.object({
  memberName: z.string().trim().min(2, 'Give the member\'s name').max(120),
  bio: optionalText(1000).default({ en: '', es: '' }),
  appointingBody: z.string().trim().min(1).max(160),
  termStart: day,
  termEnd: day,
}).refine((t) => t.termEnd > t.termStart, { message: 'termEnd must be after termStart', path: ['termEnd'] });
export const termPatch = z.object({
  memberName: z.string().trim().min(2).max(120).optional(),
  bio: optionalText(1000).optional(),
  termEnd: day.optional(),
  endedEarly: day.nullable().optional(),
});

export const meetingInput = z.object({
  eventId: z.number().int().positive().nullable().default(null),
  title: localizedText(160),
  startsAt: z.coerce.date(),
  agenda: localizedText(8000),
});
export const meetingPatch = z.object({
  eventId: z.number().int().positive().nullable().optional(),
  title: localizedText(160).optional(),
  startsAt: z.coerce.date().optional(),
  agenda: localizedText(8000).optional(),
  minutes: localizedText(20000).nullable().optional(),
  status: meetingStatus.optional(),
});
export const attendanceInput = z.object({ present: z.array(z.number().int().positive()).max(500) });

/** A question without an account. No name is asked; an e-mail only with consent, to be told of the answer. */
export const questionInput = z.object({
  agency: z.string().max(60).optional(),
  question: z.string().trim().min(10, 'Write your question (at least 10 characters)').max(2000),
  language: languageField().default('en'),
  email: z.union([z.literal(''), z.email('Enter an e-mail address such as name@example.org').max(200)]).optional().transform((v) => v || undefined),
  contactConsent: z.boolean().default(false),
}).refine((q) => !q.email || q.contactConsent, { message: 'Tick the box so we may e-mail you when the answer is published, or leave the e-mail empty', path: ['contactConsent'] });

export const moderationInput = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept'), note: z.string().trim().max(1000).optional() }),
  z.object({ action: z.literal('decline'), note: z.string().trim().min(3, 'Say why, for the record').max(1000) }),
  z.object({ action: z.literal('answer'), publishedQuestion: localizedText(2000), answer: localizedText(8000), note: z.string().trim().max(1000).optional() }),
]);

export const memberView = z.object({ termId: z.number(), name: z.string(), bio: text, appointingBody: z.string(), termStart: z.string(), termEnd: z.string() });
export const seatView = z.object({ id: z.number(), number: z.number(), label: text, appointingBody: z.string(), member: memberView.nullable() });
export const meetingSummary = z.object({ id: z.number(), eventId: z.number().nullable(), title: text, startsAt: z.date(), status: meetingStatus, hasMinutes: z.boolean() });
export const publicBoardView = z.object({
  agency: z.object({ slug: z.string(), name: z.string(), timeZone: z.string() }),
  name: text, vision: text, mission: text, answerer: text, isDemo: z.boolean(),
  seatCount: z.number(), filledSeats: z.number(), seats: z.array(seatView),
  upcomingMeetings: z.array(meetingSummary), recentMeetings: z.array(meetingSummary), answeredQuestions: z.number(),
});
export const publicMeetingView = meetingSummary.extend({
  agenda: text, minutes: text.nullable(), timeZone: z.string(),
  attendance: z.object({ present: z.array(z.string()), absent: z.array(z.string()) }),
});
export const publicQuestionView = z.object({ id: z.number(), question: text, language: z.string(), answer: text, answeredAt: z.date(), isDemo: z.boolean() });
export const staffQuestionView = z.object({
  id: z.number(), question: z.string(), language: z.string(), status: questionStatus, wantsReply: z.boolean(),
  publishedQuestion: text.nullable(), answer: text.nullable(), moderationNote: z.string().nullable(), createdAt: z.date(), answeredAt: z.date().nullable(),
});
export const staffSeatView = seatView.extend({ active: z.boolean(), terms: z.array(memberView.extend({ endedEarly: z.string().nullable() })) });
export const staffMeetingView = publicMeetingView.extend({ attendanceByTerm: z.array(z.object({ termId: z.number(), name: z.string(), present: z.boolean().nullable() })) });

export type ProfileInput = z.infer<typeof profileInput>;
export type SeatInput = z.infer<typeof seatInput>;
export type SeatPatch = z.infer<typeof seatPatch>;
export type TermInput = z.infer<typeof termInput>;
export type TermPatch = z.infer<typeof termPatch>;
export type MeetingInput = z.infer<typeof meetingInput>;
export type MeetingPatch = z.infer<typeof meetingPatch>;
export type QuestionInput = z.infer<typeof questionInput>;
export type ModerationInput = z.infer<typeof moderationInput>;
export type PublicBoardView = z.infer<typeof publicBoardView>;
export type PublicMeetingView = z.infer<typeof publicMeetingView>;
export type PublicQuestionView = z.infer<typeof publicQuestionView>;
export type StaffQuestionView = z.infer<typeof staffQuestionView>;
export type StaffSeatView = z.infer<typeof staffSeatView>;
export type StaffMeetingView = z.infer<typeof staffMeetingView>;
export type SeatView = z.infer<typeof seatView>;
export type MeetingSummary = z.infer<typeof meetingSummary>;
