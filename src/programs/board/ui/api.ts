/** The board program's API as its screens use it (mounted by the server at /api/programs/board). */
import { request } from '../../../web/api/client.js';
import type { LocalizedText } from '../../../web/i18n/index.js';

export type MeetingStatus = 'scheduled' | 'held' | 'cancelled';
export type QuestionStatus = 'received' | 'accepted' | 'declined' | 'answered';
export interface Member { termId: number; name: string; bio: LocalizedText; appointingBody: string; termStart: string; termEnd: string }
export interface Seat { id: number; number: number; label: LocalizedText; appointingBody: string; member: Member | null }
export interface StaffSeat extends Seat { active: boolean; terms: Array<Member & { endedEarly: string | null }> }
export interface MeetingSummary { id: number; eventId: number | null; title: LocalizedText; startsAt: string; status: MeetingStatus; hasMinutes: boolean }
export interface Board {
  agency: { slug: string; name: string; timeZone: string };
  name: LocalizedText; vision: LocalizedText; mission: LocalizedText; answerer: LocalizedText; isDemo: boolean;
  seatCount: number; filledSeats: number; seats: Seat[];
  upcomingMeetings: MeetingSummary[]; recentMeetings: MeetingSummary[]; answeredQuestions: number;
}
export interface Meeting extends MeetingSummary {
  agenda: LocalizedText; minutes: LocalizedText | null; timeZone: string;
  attendance: { present: string[]; absent: string[] };
}
export interface StaffMeeting extends Meeting { attendanceByTerm: Array<{ termId: number; name: string; present: boolean | null }> }
export interface Question { id: number; question: LocalizedText; language: string; answer: LocalizedText; answeredAt: string; isDemo: boolean }
export interface StaffQuestion {
  id: number; question: string; language: string; status: QuestionStatus; wantsReply: boolean; publishedQuestion: LocalizedText | null;
  answer: LocalizedText | null; moderationNote: string | null; createdAt: string; answeredAt: string | null;
}
export interface Profile { name: LocalizedText; vision: LocalizedText; mission: LocalizedText; answerer: LocalizedText }
export type Moderation =
  | { action: 'accept'; note?: string }
  | { action: 'decline'; note: string }
  | { action: 'answer'; publishedQuestion: LocalizedText; answer: LocalizedText; note?: string };
/** Events hosted for 'board', to link to meetings (the events program's public list, by HTTP only). */
export interface BoardEvent { id: number; title: LocalizedText; startsAt: string; timeZone: string }

const BASE = '/api/programs/board';
/** The agency named in the page address (?agency=slug), when a site has several boards. */
export const agencyParam = () => new URLSearchParams(window.location.search).get('agency') ?? undefined;

export const boardApi = {
  boards: () => request<Array<{ slug: string; agencyName: string; name: LocalizedText }>>('GET', `${BASE}/public/boards`),
  board: (agency?: string) => request<Board>('GET', `${BASE}/public/board`, { query: { agency } }),
  meeting: (id: number) => request<Meeting>('GET', `${BASE}/public/meetings/${id}`),
  questions: (agency?: string) => request<Question[]>('GET', `${BASE}/public/questions`, { query: { agency } }),
  ask: (input: { agency?: string; question: string; language: string; email?: string; contactConsent: boolean }) =>
    request<{ reference: number }>('POST', `${BASE}/public/questions`, { body: input }),

  // Staff (board:manage)
  profile: () => request<Profile | null>('GET', `${BASE}/profile`),
  saveProfile: (profile: Profile) => request<Profile>('PUT', `${BASE}/profile`, { body: profile }),
  seats: () => request<StaffSeat[]>('GET', `${BASE}/seats`),
  addSeat: (seat: { number: number; label: LocalizedText; appointingBody: string }) => request<void>('POST', `${BASE}/seats`, { body: seat }),
  addTerm: (seatId: number, term: { memberName: string; appointingBody: string; termStart: string; termEnd: string }) => request<void>('POST', `${BASE}/seats/${seatId}/terms`, { body: term }),
  endTerm: (termId: number, endedEarly: string) => request<void>('PATCH', `${BASE}/terms/${termId}`, { body: { endedEarly } }),
  meetings: () => request<MeetingSummary[]>('GET', `${BASE}/meetings`),
  staffMeeting: (id: number) => request<StaffMeeting>('GET', `${BASE}/meetings/${id}`),
  createMeeting: (input: { eventId: number | null; title: LocalizedText; startsAt: string; agenda: LocalizedText }) => request<StaffMeeting>('POST', `${BASE}/meetings`, { body: input }),
  updateMeeting: (id: number, patch: Partial<{ eventId: number | null; title: LocalizedText; agenda: LocalizedText; minutes: LocalizedText | null; status: MeetingStatus }>) =>
    request<StaffMeeting>('PATCH', `${BASE}/meetings/${id}`, { body: patch }),
  attendance: (id: number, present: number[]) => request<StaffMeeting>('PUT', `${BASE}/meetings/${id}/attendance`, { body: { present } }),
  staffQuestions: (status?: QuestionStatus) => request<StaffQuestion[]>('GET', `${BASE}/questions`, { query: { status } }),
  moderate: (id: number, moderation: Moderation) => request<StaffQuestion>('POST', `${BASE}/questions/${id}/moderation`, { body: moderation }),
  boardEvents: () => request<BoardEvent[]>('GET', '/api/programs/events/public/events', { query: { program: 'board' } }),
};
