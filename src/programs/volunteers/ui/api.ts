/** The volunteers program's API as its screens use it (mounted by the server at /api/programs/volunteers). */
import { request } from '../../../web/api/client.js';
import type { LocalizedText } from '../../../web/i18n/index.js';

export const AGE_BANDS = ['6-9', '10-13', '14-15', '16-17', '18-20', '21-54', '55-64', '65-plus'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
/** Bands under 18: the form asks for a parent or guardian (the server checks the same). */
export const MINOR_BANDS: readonly AgeBand[] = ['6-9', '10-13', '14-15', '16-17'];

export interface VolunteerProgram {
  id: number;
  code: string;
  name: LocalizedText;
  description: LocalizedText;
  youth: boolean;
  ageBands: AgeBand[];
  active: boolean;
  sort: number;
  isDemo: boolean;
  agency: { slug: string; name: string };
}

export interface ApplicationInput {
  programId: number;
  givenName: string;
  familyName: string;
  email?: string;
  phone?: string;
  preferredContact: 'email' | 'phone' | 'text';
  language: string;
  ageBand: AgeBand;
  motivation?: string;
  contactConsent: boolean;
  guardian?: { name: string; contact: string; consent: boolean };
  website?: string;
}

export interface PipelineState { code: string; label: LocalizedText; sort: number; serving: boolean }
export interface Pipeline { states: PipelineState[]; transitions: Array<{ from: string; to: string }> }

export interface VolunteerSummary {
  id: number; givenName: string; familyName: string; state: string; programId: number; programName: LocalizedText;
  ageBand: AgeBand; minor: boolean; appliedAt: string; stateSince: string; approvedHours: number; isDemo: boolean;
}

export interface VolunteerDetail extends VolunteerSummary {
  email: string | null; phone: string | null; preferredContact: string; language: string; motivation: string; contactConsentAt: string;
  guardian: { name: string; contact: string; consentAt: string } | null;
  timeline: Array<{ id: number; from: string | null; to: string; note: string; actor: string | null; at: string }>;
}

export interface Shift {
  id: number; programId: number; programName: LocalizedText; title: string; location: string; startsAt: string; endsAt: string;
  capacity: number; volunteers: Array<{ id: number; name: string }>; isDemo: boolean;
}

/** An upcoming shift as the volunteer's private link shows it: free places, never other volunteers' names. */
export interface OpenShift {
  id: number; title: string; location: string; startsAt: string; endsAt: string; capacity: number; placesLeft: number; signedUp: boolean;
}
export interface MyShifts { givenName: string; programName: LocalizedText; agencyName: string; timeZone: string; shifts: OpenShift[] }

/** The portal page a shift sign-up link opens; the token travels in the fragment (the server answers the same path). */
export const SHIFT_PORTAL_PATH = '/volunteers/shifts';
/** Tokens the server issues (32 random bytes, base64url); anything else is a link cut short. */
export const SHIFT_TOKEN = /^[A-Za-z0-9_-]{40,60}$/;

export type HoursStatus = 'pending' | 'approved' | 'rejected';
export interface HoursEntry {
  id: number; volunteerId: number; volunteerName: string; programId: number; programName: LocalizedText; shiftId: number | null;
  workedOn: string; hours: number; description: string; status: HoursStatus; loggedBy: string | null; reviewedBy: string | null;
  reviewedAt: string | null; isDemo: boolean;
}

export interface HoursReportRow { month: string; programId: number; programCode: string; programName: LocalizedText; hours: number; volunteers: number; entries: number }

const BASE = '/api/programs/volunteers';

export const volunteersApi = {
  publicPrograms: () => request<VolunteerProgram[]>('GET', `${BASE}/public/programs`),
  apply: (input: ApplicationInput) => request<{ programName: LocalizedText; agencyName: string }>('POST', `${BASE}/public/applications`, { body: input }),
  // A volunteer's own shifts by their private link: the token goes in the body, never in a URL.
  myShifts: (token: string) => request<MyShifts>('POST', `${BASE}/public/shifts/mine`, { body: { token } }),
  signUpMine: (token: string, shiftId: number, join: boolean) =>
    request<MyShifts>('POST', `${BASE}/public/shifts/${shiftId}/${join ? 'signup' : 'cancel'}`, { body: { token } }),

  pipeline: () => request<Pipeline>('GET', `${BASE}/pipeline`),
  programs: () => request<VolunteerProgram[]>('GET', `${BASE}/programs`),
  addStandardPrograms: () => request<VolunteerProgram[]>('POST', `${BASE}/programs/standard`),
  setProgramActive: (id: number, active: boolean) => request<VolunteerProgram>('PATCH', `${BASE}/programs/${id}`, { body: { active } }),
  volunteers: (filter: { state?: string; programId?: number }) => request<VolunteerSummary[]>('GET', `${BASE}/volunteers`, { query: filter }),
  volunteer: (id: number) => request<VolunteerDetail>('GET', `${BASE}/volunteers/${id}`),
  transition: (id: number, to: string, note: string) => request<VolunteerDetail>('POST', `${BASE}/volunteers/${id}/transitions`, { body: { to, note } }),
  issueShiftLink: (volunteerId: number) => request<{ token: string; path: string }>('POST', `${BASE}/volunteers/${volunteerId}/shift-link`),
  shifts: () => request<Shift[]>('GET', `${BASE}/shifts`),
  createShift: (input: { programId: number; title: string; location: string; startsAt: string; endsAt: string; capacity: number }) =>
    request<Shift>('POST', `${BASE}/shifts`, { body: input }),
  signUp: (shiftId: number, volunteerId: number) => request<Shift>('POST', `${BASE}/shifts/${shiftId}/signups`, { body: { volunteerId } }),
  cancelSignUp: (shiftId: number, volunteerId: number) => request<Shift>('DELETE', `${BASE}/shifts/${shiftId}/signups/${volunteerId}`),
  hours: (status?: HoursStatus) => request<HoursEntry[]>('GET', `${BASE}/hours`, { query: { status } }),
  logHours: (input: { volunteerId: number; workedOn: string; hours: number; description: string; shiftId?: number }) =>
    request<HoursEntry>('POST', `${BASE}/hours`, { body: input }),
  reviewHours: (id: number, status: 'approved' | 'rejected') => request<HoursEntry>('POST', `${BASE}/hours/${id}/review`, { body: { status } }),
  report: (from?: string, to?: string) => request<HoursReportRow[]>('GET', `${BASE}/reports/hours`, { query: { from, to } }),
  reportCsvUrl: (from?: string, to?: string) => `${BASE}/reports/hours?format=csv${from ? `&from=${from}` : ''}${to ? `&to=${to}` : ''}`,
};
