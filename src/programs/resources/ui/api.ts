/** The resources program's API as its screens use it (mounted by the server at /api/programs/resources). */
import { request } from '../../../web/api/client.js';
import type { LocalizedText } from '../../../web/i18n/index.js';

export interface Need { code: string; label: LocalizedText }

export interface Service {
  id: number; name: string; organisation: string; description: LocalizedText; needs: string[]; languages: string[]; citywide: boolean;
  areas: Array<{ id: number; name: string }>; phone: string | null; textLine: string | null; website: string | null; address: string | null;
  lon: number | null; lat: number | null; hours: LocalizedText; available24h: boolean; confidentialLocation: boolean; active: boolean;
  isDemo: boolean; agencyName: string;
}

export interface DirectoryFilter { need?: string; language?: string; area?: number; q?: string }

export interface ServiceInput {
  name: string; organisation: string; description: { en: string; es: string }; needs: string[]; languages: string[];
  phone?: string | null; website?: string | null; textLine?: string | null; available24h: boolean; confidentialLocation: boolean;
  hours?: { en: string; es: string };
}

export type TakenUp = 'yes' | 'no' | 'unknown';
export interface Referral {
  id: number; serviceId: number; serviceName: string; need: string; referredOn: string; takenUp: TakenUp; caseRef: string | null;
  sourceProgram: string | null; sourceRef: string | null; createdBy: string | null; isDemo: boolean;
}
export interface ReferralCounts { total: number; yes: number; no: number; unknown: number }
export interface ReferralStats {
  from: string | null; to: string | null; total: ReferralCounts;
  byNeed: Array<ReferralCounts & { need: string }>;
  byService: Array<ReferralCounts & { serviceId: number; serviceName: string }>;
}

const BASE = '/api/programs/resources';

export const resourcesApi = {
  needs: () => request<Need[]>('GET', `${BASE}/public/needs`),
  search: (filter: DirectoryFilter) => request<Service[]>('GET', `${BASE}/public/services`, { query: { ...filter } }),
  ownServices: () => request<Service[]>('GET', `${BASE}/services`),
  createService: (input: ServiceInput) => request<Service>('POST', `${BASE}/services`, { body: input }),
  setServiceActive: (id: number, active: boolean) => request<Service>('PATCH', `${BASE}/services/${id}`, { body: { active } }),
  referrals: () => request<Referral[]>('GET', `${BASE}/referrals`),
  referralStats: () => request<ReferralStats>('GET', `${BASE}/referrals/stats`),
  refer: (input: { serviceId: number; need: string; referredOn: string; takenUp: TakenUp; caseRef?: string }) =>
    request<Referral>('POST', `${BASE}/referrals`, { body: input }),
  setTakenUp: (id: number, takenUp: TakenUp) => request<Referral>('PATCH', `${BASE}/referrals/${id}`, { body: { takenUp } }),
};
