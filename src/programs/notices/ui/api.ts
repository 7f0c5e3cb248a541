/** The notices program's API, as its screens use it (mounted by the server at /api/programs/notices). */
import { request } from '../../../web/api/client.js';
import type { LocalizedText } from '../../../web/i18n/index.js';

export type NoticeKind = 'alert' | 'advisory' | 'news';
export type NoticeStatus = 'draft' | 'published' | 'withdrawn';
export const NOTICE_KINDS: NoticeKind[] = ['alert', 'advisory', 'news'];

/** A notice as the API sends it (dates as ISO strings). The public list has the same shape. */
export interface Notice {
  id: number;
  kind: NoticeKind;
  title: LocalizedText;
  body: LocalizedText;
  areaId: number | null;
  areaName: string | null;
  status: NoticeStatus;
  publishAt: string;
  expiresAt: string | null;
  agencyName: string;
  isDemo: boolean;
}

export interface NoticeInput {
  kind: NoticeKind;
  title: LocalizedText;
  body: LocalizedText;
  areaId?: number | null;
  status?: NoticeStatus;
  publishAt?: string;
  expiresAt?: string | null;
}

const BASE = '/api/programs/notices';

export const noticesApi = {
  /** Notices in effect now; anyone may read them. */
  publicList: () => request<Notice[]>('GET', `${BASE}/public`),
  /** All of the signed-in user's agency's notices (needs notices:publish). */
  list: () => request<Notice[]>('GET', BASE),
  create: (input: NoticeInput) => request<Notice>('POST', BASE, { body: input }),
  update: (id: number, patch: Partial<NoticeInput>) => request<Notice>('PATCH', `${BASE}/${id}`, { body: patch }),
};
