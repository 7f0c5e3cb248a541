/** The watch program's API as its screens use it (mounted by the server at /api/programs/watch). */
import type { FeatureCollection, Geometry, Polygon, MultiPolygon } from 'geojson';
import { request } from '../../../web/api/client.js';
import type { LocalizedText } from '../../../web/i18n/index.js';

export type GroupStatus = 'forming' | 'active' | 'inactive';
export type Channel = 'email' | 'sms';
export interface GroupSummary { id: number; name: string; areaName: string | null; agencyName: string; status: GroupStatus }
export interface Meeting { eventId: number; kind: 'meeting' | 'training'; title: LocalizedText; startsAt: string }
export interface PublicGroup extends GroupSummary {
  timeZone: string;
  description: LocalizedText;
  boundary: Polygon | MultiPolygon;
  memberCount: number;
  captainCount: number;
  isDemo: boolean;
  meetings: Meeting[];
}
export interface StaffGroup extends PublicGroup { areaId: number | null; pendingRequests: number; alertsSent: number }
export interface NeighborhoodGroups { areaId: number; areaName: string; agencyName: string; groups: GroupSummary[] }
export interface Lookup {
  groups: GroupSummary[];
  nearby: Array<GroupSummary & { distanceMetres: number }>;
  area: { id: number; name: string } | null;
}
export type AddressProblem = 'empty' | 'no-number' | 'intersection' | 'no-street';
export interface AddressLookup extends Lookup {
  status: 'found' | 'not-found' | 'unreadable' | 'ambiguous';
  problem: AddressProblem | null;
  streets: string[];
  place: { lon: number; lat: number; precision: 'address' | 'block' | 'street' | 'intersection'; source: 'geocoder' | 'gazetteer'; street: string | null; block: number | null } | null;
}
export interface RequestInput {
  kind: 'join' | 'start';
  groupId?: number;
  areaId?: number;
  lon?: number;
  lat?: number;
  name?: string;
  email?: string;
  phone?: string;
  contactConsent: boolean;
  message?: string;
  locale: string;
}
export interface StaffMember { id: number; name: string | null; role: 'member' | 'captain'; channels: Channel[]; joinedAt: string }
export interface StaffRequest {
  id: number; kind: 'join' | 'start'; status: 'pending' | 'approved' | 'declined' | 'withdrawn'; groupId: number | null; groupName: string | null;
  areaName: string | null; name: string | null; message: string | null; channels: Channel[]; createdAt: string; decisionNote: string | null;
}
export interface Alert { id: number; subject: LocalizedText; body: LocalizedText; channels: Channel[]; sentEmail: number; sentSms: number; failed: number; sentAt: string }
export interface GroupInput { name: string; description: LocalizedText; boundary: Geometry; areaId?: number | null; status: GroupStatus }
/** Events hosted for 'watch', to link as meetings (from the events program's public list, by HTTP only). */
export interface WatchEvent { id: number; title: LocalizedText; startsAt: string; timeZone: string }

const BASE = '/api/programs/watch';

export const watchApi = {
  groups: () => request<FeatureCollection<Polygon | MultiPolygon, GroupSummary>>('GET', `${BASE}/public/groups`),
  group: (id: number) => request<PublicGroup>('GET', `${BASE}/public/groups/${id}`),
  neighborhoods: () => request<NeighborhoodGroups[]>('GET', `${BASE}/public/neighborhoods`),
  outlines: () => request<FeatureCollection>('GET', `${BASE}/public/outlines`),
  lookup: (lon: number, lat: number) => request<Lookup>('GET', `${BASE}/public/lookup`, { query: { lon, lat } }),
  lookupAddress: (address: string) => request<AddressLookup>('GET', `${BASE}/public/lookup`, { query: { address } }),
  ask: (input: RequestInput) => request<{ token: string }>('POST', `${BASE}/public/requests`, { body: input }),
  leave: (token: string) => request<{ outcome: 'left' | 'withdrawn' | 'already'; groupName: string | null }>('POST', `${BASE}/public/leave`, { body: { token } }),

  // Staff (watch:manage)
  staffGroups: () => request<StaffGroup[]>('GET', `${BASE}/groups`),
  staffGroup: (id: number) => request<StaffGroup>('GET', `${BASE}/groups/${id}`),
  createGroup: (input: GroupInput) => request<StaffGroup>('POST', `${BASE}/groups`, { body: input }),
  updateGroup: (id: number, patch: Partial<GroupInput>) => request<StaffGroup>('PATCH', `${BASE}/groups/${id}`, { body: patch }),
  members: (id: number) => request<StaffMember[]>('GET', `${BASE}/groups/${id}/members`),
  setRole: (id: number, memberId: number, role: 'member' | 'captain') => request<void>('PATCH', `${BASE}/groups/${id}/members/${memberId}`, { body: { role } }),
  removeMember: (id: number, memberId: number) => request<void>('DELETE', `${BASE}/groups/${id}/members/${memberId}`),
  addMeeting: (id: number, meeting: Meeting) => request<void>('POST', `${BASE}/groups/${id}/meetings`, { body: meeting }),
  removeMeeting: (id: number, eventId: number) => request<void>('DELETE', `${BASE}/groups/${id}/meetings/${eventId}`),
  alerts: (id: number) => request<Alert[]>('GET', `${BASE}/groups/${id}/alerts`),
  sendAlert: (id: number, alert: { subject: LocalizedText; body: LocalizedText; channels: Channel[] }) => request<Alert>('POST', `${BASE}/groups/${id}/alerts`, { body: alert }),
  requests: (status?: string) => request<StaffRequest[]>('GET', `${BASE}/requests`, { query: { status } }),
  decide: (id: number, decision: { decision: 'approve' | 'decline'; groupId?: number; note?: string }) => request<{ memberId: number | null }>('POST', `${BASE}/requests/${id}/decision`, { body: decision }),
  watchEvents: () => request<WatchEvent[]>('GET', '/api/programs/events/public/events', { query: { program: 'watch' } }),
};
