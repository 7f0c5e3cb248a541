/** The problems program's API as its screens use it. */
import { request } from '../../../web/api/client.js';

const BASE = '/api/programs/problems';

export type Stage = 'scanning' | 'analysis' | 'response' | 'assessment' | 'closed';
export const STAGES: Stage[] = ['scanning', 'analysis', 'response', 'assessment', 'closed'];
export interface Assessment {
  computedAt: string; responseStart: string; days: number; bufferM: number; categories: string[];
  counts: { targetBefore: number; targetAfter: number; bufferBefore: number; bufferAfter: number; controlBefore: number; controlAfter: number };
  targetChange: number | null;
  wdq: { computable: true; successMeasure: number; bufferDisplacementMeasure: number; wdq: number | null; totalNetEffect: number; interpretation: string } | { computable: false; reason: string };
}
export interface Problem {
  id: number; areaId: number | null; areaName: string | null; areaKind: string | null; title: string; description: string; categories: string[]; stage: Stage;
  analysis: Record<string, string>; hotspots: Array<{ lon: number; lat: number; z: number; confidence: number; count: number }>; responseStart: string | null;
  assessment: Assessment | null; isDemo: boolean; updatedAt: string; counts: { incidents: number; responses: number; meetings: number };
}
export interface ProblemDetail extends Problem {
  timeline: Array<{ at: string; kind: string; userName: string | null; details: Record<string, unknown> }>;
  responses: Array<{ id: number; kind: string; description: string; byWhom: string; isPartner: boolean; startedOn: string; endedOn: string | null }>;
  meetings: Array<{ id: number; heldAt: string; place: string; attendance: number; issues: string[] }>;
  incidents: Array<{ id: number; category: string; occurredAt: string; hundredBlock: string | null }>;
}
export interface Coverage { areaId: number; kind: string; name: string; current: Array<{ id: number; role: string; teamName: string | null; userName: string | null; startsOn: string }> }
export interface Assignment { id: number; areaId: number; areaName: string; role: string; teamName: string | null; userName: string | null; startsOn: string; endsOn: string | null }
export interface Meeting { id: number; heldAt: string; place: string; areaName: string | null; attendance: number; issues: string[]; problemIds: number[]; isDemo: boolean }
export interface Engagements {
  entries: Array<{ id: number; userName: string; areaName: string | null; occurredAt: string; kind: string; topic: string; people: number; referredTo: string | null }>;
  totals: Array<{ kind: string; entries: number; people: number }>;
}

export const problemsApi = {
  list: () => request<Problem[]>('GET', BASE),
  get: (id: number) => request<ProblemDetail>('GET', `${BASE}/${id}`),
  create: (input: { title: string; description?: string; areaId?: number | null; categories: string[] }) => request<ProblemDetail>('POST', BASE, { body: input }),
  update: (id: number, patch: Record<string, unknown>) => request<ProblemDetail>('PATCH', `${BASE}/${id}`, { body: patch }),
  stage: (id: number, stage: Stage) => request<ProblemDetail>('POST', `${BASE}/${id}/stage`, { body: { stage } }),
  linkFromArea: (id: number, days: number) => request<{ linked: number }>('POST', `${BASE}/${id}/incidents`, { body: { fromArea: true, days } }),
  hotspots: (id: number) => request<unknown[]>('POST', `${BASE}/${id}/hotspots`),
  respond: (id: number, input: { kind: string; description: string; byWhom: string; isPartner: boolean; startedOn: string }) => request<ProblemDetail>('POST', `${BASE}/${id}/responses`, { body: input }),
  assess: (id: number, days: number, bufferM: number) => request<Assessment>('POST', `${BASE}/${id}/assessment`, { body: { days, bufferM } }),
  coverage: () => request<Coverage[]>('GET', `${BASE}/coverage`),
  assignments: () => request<Assignment[]>('GET', `${BASE}/assignments`),
  assign: (input: { areaId: number; role: 'crt' | 'sco'; teamName?: string; startsOn: string }) => request<{ id: number }>('POST', `${BASE}/assignments`, { body: input }),
  meetings: () => request<Meeting[]>('GET', `${BASE}/meetings`),
  meeting: (input: { heldAt: string; place: string; areaId?: number | null; attendance: number; issues: string[]; problemIds: number[] }) => request<{ id: number }>('POST', `${BASE}/meetings`, { body: input }),
  engagements: () => request<Engagements>('GET', `${BASE}/engagements`),
  engage: (input: { occurredAt: string; kind: string; topic: string; people: number; referredTo?: string; areaId?: number | null }) => request<{ id: number }>('POST', `${BASE}/engagements`, { body: input }),
};
