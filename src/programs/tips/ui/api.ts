/** The tips program's API as its screens use it (mounted by the server at /api/programs/tips). */
import { ApiError, request, type AreaCollection } from '../../../web/api/client.js';
import type { LocalizedText } from '../../../web/i18n/index.js';
import { formatMoney } from '../money.js';

const BASE = '/api/programs/tips';

export interface PublicOptions {
  agencies: Array<{ slug: string; name: string; centerLon: number; centerLat: number }>;
  categories: Array<{ code: string; label: LocalizedText }>;
  passphrase: { minLength: number; maxLength: number };
  maxBytes: { image: number; video: number; document: number };
  accepts: string[];
}

export interface TipInput {
  agency?: string;
  category: string;
  description: string;
  location?: { text?: string; lon?: number; lat?: number };
  occurredAt?: string;
  occurredText?: string;
  language: 'en' | 'es';
  passphrase?: string;
  website?: string;
}

export interface TipReceipt { tipNumber: string; passphrase: string | null; accessToken: string; expiresAt: string }

export interface TipsterView {
  tipNumber: string;
  category: { code: string; label: LocalizedText };
  submittedOn: string;
  status: { code: 'received' | 'reviewing' | 'closed'; label: LocalizedText };
  channel: 'web' | 'sms';
  messages: Array<{ id: number; at: string; from: 'you' | 'department'; kind: string; body: string; question: boolean }>;
  files: number;
  reward: { status: 'none' | 'approved' | 'paid'; amountCents: number | null; collectionCode: string | null };
}

export type TipsterMessageKind = 'info' | 'answer' | 'reward_question';

/**
 * Calls of the anonymous side. No cookie is sent (credentials: 'omit'), so a tip never travels with anyone's
 * staff session; the follow-up token goes in the Authorization header and lives only in this page's memory.
 */
async function anonymous<T>(method: string, path: string, options: { body?: unknown; token?: string; bytes?: Blob } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: BodyInit | undefined;
  if (options.bytes) {
    body = options.bytes;
    headers['content-type'] = 'application/octet-stream';
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  let response: Response;
  try {
    response = await fetch(`${BASE}${path}`, { method, headers, body, credentials: 'omit', cache: 'no-store' });
  } catch {
    throw new ApiError(0, 'network', 'The server could not be reached. Check the connection and try again.');
  }
  if (response.status === 204) return undefined as T;
  const parsed = (await response.json().catch(() => undefined)) as { error?: { code: string; message: string; details?: Record<string, unknown> } } | undefined;
  if (!response.ok) {
    throw new ApiError(response.status, parsed?.error?.code ?? 'http', parsed?.error?.message ?? `${response.status} ${response.statusText}`, parsed?.error?.details);
  }
  return parsed as T;
}

export const publicTipsApi = {
  options: () => anonymous<PublicOptions>('GET', '/public/options'),
  submit: (input: TipInput) => anonymous<TipReceipt>('POST', '/public/tips', { body: input }),
  access: (tipNumber: string, passphrase: string) => anonymous<{ accessToken: string; expiresAt: string }>('POST', '/public/access', { body: { tipNumber, passphrase } }),
  view: (token: string) => anonymous<TipsterView>('GET', '/public/tip', { token }),
  message: (token: string, body: string, kind: TipsterMessageKind) => anonymous<void>('POST', '/public/tip/messages', { token, body: { body, kind } }),
  /** District outlines for the location picker. */
  areas: () => anonymous<AreaCollection>('GET', '/public/areas'),
  upload: (token: string, file: Blob) => anonymous<{ id: number; kind: string; mime: string; bytes: number }>('POST', '/public/tip/files', { token, bytes: file }),
};

type Labelled = { code: string; label: LocalizedText };

export interface TipsMeta {
  states: Array<Labelled & { isClosed: boolean }>;
  transitions: Array<{ from: string; to: string }>;
  outcomes: Labelled[];
  categories: Labelled[];
  units: Array<Labelled & { id: number }>;
  agencies: Array<{ id: number; name: string; kind: string }>;
  handlers: Array<{ id: number; name: string }>;
}

export interface QueueItem {
  id: number; number: string; category: string; categoryLabel: LocalizedText; state: string; priority: string; channel: 'web' | 'sms';
  excerpt: string; createdAt: string; lastTipsterAt: string | null; primaryUnit: string | null; primaryUnitLabel: LocalizedText | null; assignedTo: string | null;
  isPrank: boolean; duplicateOf: string | null; suspectedBot: boolean; forwarded: boolean; isDemo: boolean; newsAfterClose: boolean;
}

export interface TipDetail {
  id: number; number: string; access: 'owner' | 'partner'; channel: 'web' | 'sms'; category: Labelled; description: string;
  location: { text: string | null; lon: number | null; lat: number | null }; occurredAt: string | null; occurredText: string | null;
  language: string; state: Labelled; outcome: Labelled | null; priority: string; assignedTo: { id: number; name: string } | null;
  primaryUnit: (Labelled & { id: number }) | null; copies: Array<Labelled & { id: number }>;
  forwards: Array<{ agencyId: number; agencyName: string; note: string; at: string }>; duplicateOf: { id: number; number: string } | null;
  isPrank: boolean; suspectedBot: boolean; isDemo: boolean; createdAt: string; firstResponseAt: string | null; closedAt: string | null;
  sms: { status: 'open' | 'stopped' | 'closed' } | null;
  timeline: Array<{ id: number; at: string; kind: string; author: string; userName: string | null; body: string; data: Record<string, unknown>; visibleToTipster: boolean }>;
  attachments: Array<{ id: number; kind: string; mime: string; bytes: number; createdAt: string }>;
  rewards: Array<{ id: number; status: string; proposedCents: number | null; approvedCents: number | null; reason: string; proposedBy: string; proposedAt: string; decidedBy: string | null; decisionNote: string | null }>;
}

export interface BoardItem { rewardId: number; tipId: number; tipNumber: string; category: string; status: string; proposedCents: number | null; approvedCents: number | null; reason: string; proposedBy: string; proposedAt: string }

type Count = { key: string; label: LocalizedText | null; count: number };
export interface TipDashboard {
  total: number;
  perWeek: Array<{ week: string; count: number }>;
  perCategory: Count[];
  perArea: Array<{ areaId: number | null; name: string; count: number }>;
  perChannel: Array<{ channel: string; count: number }>;
  responseHours: { responded: number; waiting: number; median: number | null; p90: number | null };
  outcomes: Count[];
  states: Count[];
  rewards: { proposed: number; approved: number; paid: number; paidCents: number };
}

export interface TipPoint { type: 'Feature'; id: number; geometry: { type: 'Point'; coordinates: [number, number] }; properties: { id: number; number: string; category: string; state: string; createdAt: string } }

const post = <T>(path: string, body: unknown) => request<T>('POST', `${BASE}${path}`, { body });

/** Staff calls (session cookie; every read is audited by the server). */
export const tipsApi = {
  meta: () => request<TipsMeta>('GET', `${BASE}/meta`),
  queue: (query: { state?: string; priority?: string; mine?: string; q?: string }) => request<{ items: QueueItem[]; total: number }>('GET', `${BASE}/tips`, { query }),
  tip: (id: number) => request<TipDetail>('GET', `${BASE}/tips/${id}`),
  fileUrl: (tipId: number, fileId: number) => `${BASE}/tips/${tipId}/files/${fileId}`,
  state: (id: number, body: { state: string; outcome?: string; note?: string }) => post(`/tips/${id}/state`, body),
  priority: (id: number, priority: string) => post(`/tips/${id}/priority`, { priority }),
  assign: (id: number, userId: number | null) => post(`/tips/${id}/assign`, { userId }),
  route: (id: number, primaryUnitId: number | null, copyUnitIds: number[]) => post(`/tips/${id}/route`, { primaryUnitId, copyUnitIds }),
  forward: (id: number, agencyId: number, note: string) => post(`/tips/${id}/forward`, { agencyId, note }),
  flags: (id: number, body: { duplicateOf?: string | null; prank?: boolean }) => post(`/tips/${id}/flags`, body),
  note: (id: number, body: string) => post(`/tips/${id}/notes`, { body }),
  message: (id: number, body: string, question: boolean) => post<{ channel: string; status?: string; reason?: string }>(`/tips/${id}/messages`, { body, question }),
  endSms: (id: number) => post(`/tips/${id}/sms/end`, {}),
  proposeReward: (id: number, reason: string, amountCents?: number) => post(`/tips/${id}/rewards`, { reason, amountCents }),
  rewards: (status?: string) => request<BoardItem[]>('GET', `${BASE}/rewards`, { query: { status } }),
  decide: (rewardId: number, body: { decision: 'approve' | 'reject'; amountCents?: number; note?: string }) => post(`/rewards/${rewardId}/decision`, body),
  pay: (tipNumber: string, collectionCode: string) => post<{ rewardId: number; paid: boolean }>('/rewards/pay', { tipNumber, collectionCode }),
  dashboard: () => request<TipDashboard>('GET', `${BASE}/dashboard`),
  map: () => request<{ type: 'FeatureCollection'; features: TipPoint[] }>('GET', `${BASE}/map`),
};

// Names of the accepted file formats (as sniffed by the server); they read the same in every language.
const FORMATS: Record<string, string> = {
  'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/gif': 'GIF', 'image/webp': 'WebP', 'video/mp4': 'MP4', 'video/quicktime': 'MOV',
  'video/3gpp': '3GP', 'application/pdf': 'PDF',
};

/** A stored file's format for people: "JPEG", "PDF"…; plain text and anything unexpected go by `textLabel`. */
export const fileFormat = (mime: string, textLabel: string) => FORMATS[mime] ?? (mime === 'text/plain' ? textLabel : mime);

/** A file size in the reader's language and units ("12 kB", "3,4 MB"). */
export function fileSize(bytes: number, locale: string): string {
  const megabytes = bytes / (1024 * 1024);
  if (megabytes >= 1) return new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(megabytes);
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(Math.max(1, Math.ceil(bytes / 1024)));
}

/** "$1,250" from cents, in the reader's language (the same words as the messages the tipster receives). */
export const money = (cents: number, locale: string) => formatMoney(cents, locale);
