/** The events program's API as its screens use it (mounted by the server at /api/programs/events). */
import { request } from '../../../web/api/client.js';
import type { LocalizedText } from '../../../web/i18n/index.js';

export type EventStatus = 'draft' | 'published' | 'cancelled';
export type RsvpStatus = 'confirmed' | 'waitlisted' | 'cancelled';

export interface EventType { id: number; code: string; name: LocalizedText; agencyId: number | null }

/** An event as residents see it (dates as ISO strings). */
export interface PublicEvent {
  id: number;
  type: EventType;
  hostProgram: string;
  title: LocalizedText;
  description: LocalizedText;
  startsAt: string;
  endsAt: string;
  /** The agency's IANA zone: times are shown there, where the event happens. */
  timeZone: string;
  placeName: string;
  address: string;
  lon: number | null;
  lat: number | null;
  accessibility: LocalizedText;
  languages: string[];
  capacity: number | null;
  spotsLeft: number | null;
  status: EventStatus;
  agencyName: string;
  agencySlug: string;
  isDemo: boolean;
  rsvpOpen: boolean;
  surveyOpen: boolean;
}

export interface StaffEvent extends PublicEvent {
  typeId: number;
  reminderHours: number;
  confirmed: number;
  waitlisted: number;
  checkedIn: number;
  walkIns: number;
  attendance: number;
  surveyCount: number;
  averageRating: number | null;
  sequence: number;
}

export interface EventInput {
  typeId: number;
  hostProgram?: string;
  title: LocalizedText;
  description: LocalizedText;
  startsAt: string;
  endsAt: string;
  placeName: string;
  address?: string;
  accessibility?: LocalizedText;
  languages?: string[];
  capacity?: number | null;
  status?: EventStatus;
  reminderHours?: number;
}

export interface RsvpInput {
  partySize: number;
  name?: string;
  email?: string;
  phone?: string;
  contactConsent: boolean;
  locale: string;
}

export interface RsvpReceipt { eventId: number; status: RsvpStatus; position: number | null; cancelToken: string }
export interface RsvpLookup { eventId: number; title: LocalizedText; startsAt: string; timeZone: string; status: RsvpStatus; partySize: number; position: number | null }
export interface StaffRsvp { id: number; name: string | null; partySize: number; status: RsvpStatus; position: number | null; createdAt: string; checkedIn: boolean; hasContact: boolean }
export interface SurveySummary { count: number; averageRating: number | null; byRating: number[]; comments: Array<{ rating: number; comment: string; createdAt: string }> }

const BASE = '/api/programs/events';

/** Calendar feed addresses (absolute, so they can be copied into a calendar app). */
export const feeds = {
  site: (lang: string) => `${window.location.origin}${BASE}/calendar.ics?lang=${lang}`,
  type: (code: string, lang: string) => `${window.location.origin}${BASE}/calendar/types/${encodeURIComponent(code)}.ics?lang=${lang}`,
  event: (id: number, lang: string) => `${BASE}/calendar/events/${id}.ics?lang=${lang}`,
};

export const eventsApi = {
  types: () => request<EventType[]>('GET', `${BASE}/public/types`),
  publicList: (query: { type?: string; past?: boolean; limit?: number } = {}) =>
    request<PublicEvent[]>('GET', `${BASE}/public/events`, { query: { type: query.type, past: query.past ? 'true' : undefined, limit: query.limit } }),
  publicEvent: (id: number) => request<PublicEvent>('GET', `${BASE}/public/events/${id}`),
  rsvp: (id: number, input: RsvpInput) => request<RsvpReceipt>('POST', `${BASE}/public/events/${id}/rsvps`, { body: input }),
  lookup: (token: string) => request<RsvpLookup>('POST', `${BASE}/public/rsvps/lookup`, { body: { token } }),
  cancel: (token: string) => request<{ eventId: number; status: 'cancelled' }>('POST', `${BASE}/public/rsvps/cancel`, { body: { token } }),
  survey: (id: number, rating: number, comment: string) => request<void>('POST', `${BASE}/public/events/${id}/survey`, { body: { rating, comment } }),

  // Staff (events:manage)
  staffTypes: () => request<EventType[]>('GET', `${BASE}/types`),
  list: () => request<StaffEvent[]>('GET', BASE),
  get: (id: number) => request<StaffEvent>('GET', `${BASE}/${id}`),
  create: (input: EventInput) => request<StaffEvent>('POST', BASE, { body: input }),
  update: (id: number, patch: Partial<EventInput>) => request<StaffEvent>('PATCH', `${BASE}/${id}`, { body: patch }),
  rsvps: (id: number) => request<StaffRsvp[]>('GET', `${BASE}/${id}/rsvps`),
  checkIn: (id: number, rsvpId: number, checkedIn: boolean) => request<void>('POST', `${BASE}/${id}/rsvps/${rsvpId}/check-in`, { body: { checkedIn } }),
  walkIns: (id: number, walkIns: number) => request<void>('PUT', `${BASE}/${id}/walk-ins`, { body: { walkIns } }),
  surveySummary: (id: number) => request<SurveySummary>('GET', `${BASE}/${id}/survey`),
};
