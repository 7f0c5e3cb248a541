/** The walks program's API as its screens use it. */
import { request } from '../../../web/api/client.js';
import type { LocalizedText } from '../../../web/i18n/index.js';

const BASE = '/api/programs/walks';

export type WalkStatus = 'open' | 'planned' | 'in_progress' | 'completed' | 'cancelled';
export interface TeamMember { id?: number; userId?: number | null; name: string; role: string; organisation?: string | null }
export interface Walk {
  id: number; title: string; status: WalkStatus; openedBy: string; incidentId: number | null; incidentCategory: string | null; incidentAt: string | null;
  hundredBlock: string | null; lon: number; lat: number; radiusM: number; canvassAreaId: number | null; canvassAreaName: string | null;
  dueFrom: string; dueTo: string; scheduledFor: string | null; completedAt: string | null; onTime: boolean | null; overdue: boolean;
  doors: number; conversations: number; isDemo: boolean; demoNote: string | null;
}
export interface WalkDetail extends Walk {
  meetingPoint: string | null; talkingPoints: { en: string[]; es: string[] } | null; startedAt: string | null; team: TeamMember[];
  timeline: Array<{ at: string; kind: string; userName: string | null; details: Record<string, unknown> }>;
}
export interface FieldWalk { id: number; title: string; status: WalkStatus; lon: number; lat: number; radiusM: number; hundredBlock: string | null; scheduledFor: string | null; meetingPoint: string | null; team: TeamMember[]; isDemo: boolean }
export interface Codes {
  concerns: Array<{ code: string; label: LocalizedText; owner: string; dueDays: number }>;
  resources: Array<{ code: string; label: LocalizedText; description: LocalizedText; contact: LocalizedText }>;
}
export interface Visit {
  id: string; visitedAt: string; block?: string | null; outcome: 'no_answer' | 'conversation' | 'declined' | 'left_material'; concerns: string[];
  concernNote?: string | null; resources: string[]; wantsWatch: boolean; wantsVolunteer: boolean; consent: boolean; contactName?: string | null;
  contactPhone?: string | null; contactEmail?: string | null; tipText?: string | null; tipNumber?: string | null; language: 'en' | 'es'; recordedBy?: string | null;
}
export interface Task { id: number; walkId: number; walkTitle: string; visitId: string | null; concern: string; description: string; ownerUserId: number | null; ownerName: string | null; dueOn: string; status: 'open' | 'done' | 'cancelled'; overdue: boolean }
export interface Series { week: number[]; local: number[]; city: number[]; tips: number[] }
export interface Impact {
  days: number; incidentsBefore: number; incidentsAfter: number; cityBefore?: number; cityAfter?: number; expectedAfter: number | null;
  tipsBefore: number; tipsAfter: number; tipsAtDoors: number; series: Series; complete?: boolean; walks?: number; excluded?: number;
}
export interface Outputs {
  walks: { open: number; planned: number; inProgress: number; completed: number; cancelled: number; overdue: number }; onTimeRate: number | null;
  doors: number; conversations: number; concerns: Array<{ code: string; count: number }>; resources: Array<{ code: string; count: number }>;
  watchSignUps: number; volunteerSignUps: number; tipsAtDoors: number; tasks: { open: number; done: number; overdue: number };
}
export interface Rules { categories: string[]; dueMinDays: number; dueMaxDays: number; radiusM: number; canvassAreaKind: string | null; tipLine: { phone?: string; text?: string; web?: string } }
export type Ring = Array<[number, number]>;
export interface Packet {
  language: 'en' | 'es';
  text: Record<string, string> & { roles: Record<string, string> };
  walk: { id: number; title: string; isDemo: boolean; scheduledFor: string | null; meetingPoint: string | null; dueText: string; radiusM: number; agencyName: string };
  team: Array<{ name: string; role: string; organisation: string | null }>;
  talkingPoints: string[];
  resources: Array<{ label: string; description: string; contact: string }>;
  tipLine: { phone?: string; text?: string; web?: string };
  scene: {
    halfSize: number; canvass: { kind: 'circle'; radius: number } | { kind: 'area'; name: string; rings: Ring[] };
    incidents: Array<{ x: number; y: number; category: string }>; blocks: Array<{ label: string; x: number; y: number; count: number }>;
    areas: Array<{ name: string; kind: string; rings: Ring[] }>;
  };
}
export interface PlanInput {
  scheduledFor?: string | null; meetingPoint?: string | null; radiusM?: number; canvassAreaId?: number | null;
  talkingPoints?: { en: string[]; es: string[] } | null; team?: TeamMember[];
}
export interface CanvassArea { id: number; kind: string; name: string }

export const walksApi = {
  list: (status = 'active') => request<Walk[]>('GET', BASE, { query: { status } }),
  get: (id: number) => request<WalkDetail>('GET', `${BASE}/${id}`),
  field: (id: number) => request<FieldWalk>('GET', `${BASE}/${id}/field`),
  codes: () => request<Codes>('GET', `${BASE}/codes`),
  open: (input: { incidentId: number } | { title: string; lon: number; lat: number; dueFrom: string; dueTo: string }) => request<WalkDetail>('POST', BASE, { body: input }),
  plan: (id: number, input: PlanInput) => request<WalkDetail>('PATCH', `${BASE}/${id}/plan`, { body: input }),
  status: (id: number, status: WalkStatus, note?: string) => request<WalkDetail>('POST', `${BASE}/${id}/status`, { body: { status, note } }),
  visits: (id: number) => request<Visit[]>('GET', `${BASE}/${id}/visits`),
  sendVisits: (id: number, visits: Visit[]) => request<{ stored: string[]; inserted: number; tipsToHandOver: string[] }>('POST', `${BASE}/${id}/visits`, { body: { visits } }),
  tipHandedOver: (visitId: string, tipNumber: string) => request<void>('PUT', `${BASE}/visits/${visitId}/tip`, { body: { tipNumber } }),
  impact: (id: number, days = 28) => request<Impact>('GET', `${BASE}/${id}/impact`, { query: { days } }),
  summary: (days = 28) => request<{ outputs: Outputs; impact: Impact & { walks: number; excluded: number } }>('GET', `${BASE}/summary`, { query: { days } }),
  tasks: (id: number) => request<Task[]>('GET', `${BASE}/${id}/tasks`),
  createTask: (id: number, input: { concern: string; description: string; ownerUserId?: number; ownerName?: string; dueOn?: string; visitId?: string | null }) => request<Task>('POST', `${BASE}/${id}/tasks`, { body: input }),
  updateTask: (taskId: number, patch: { status?: Task['status'] }) => request<Task>('PATCH', `${BASE}/tasks/${taskId}`, { body: patch }),
  packet: (id: number, lang: 'en' | 'es') => request<Packet>('GET', `${BASE}/${id}/packet`, { query: { lang } }),
  rules: () => request<Rules>('GET', `${BASE}/rules`),
  areas: () => request<CanvassArea[]>('GET', `${BASE}/areas`),
  staff: () => request<Array<{ id: number; name: string }>>('GET', `${BASE}/staff`),
  saveRules: (rules: Rules) => request<Rules>('PUT', `${BASE}/rules`, { body: rules }),
};

export const packetPdfUrl = (id: number, lang: 'en' | 'es') => `${BASE}/${id}/packet.pdf?lang=${lang}`;
