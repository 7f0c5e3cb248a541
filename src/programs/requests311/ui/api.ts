/** The 311 program's API as its screens use it: the Open311 endpoint (public) and the staff list. */
import { request } from '../../../web/api/client.js';

const BASE = '/api/programs/requests311';

export interface Service { service_code: string; service_name: string; description: string; group: string }
export interface ServiceRequest {
  service_request_id: string; status: 'open' | 'closed'; status_notes: string | null; service_name: string; service_code: string;
  description: string; requested_datetime: string; address: string | null; lat: number | null; long: number | null;
}

export const requests311Api = {
  services: (locale: string) => request<Service[]>('GET', `${BASE}/v2/services.json`, { query: { locale } }),
  report: (input: { service_code: string; address_string: string; description?: string }) =>
    request<Array<{ service_request_id: string; service_notice: string }>>('POST', `${BASE}/v2/requests.json`, { body: input }),
  staffList: (status?: string) => request<ServiceRequest[]>('GET', `${BASE}/staff/requests`, { query: { status } }),
  update: (id: string, status: 'open' | 'closed', statusNotes?: string) => request<ServiceRequest>('PATCH', `${BASE}/staff/requests/${id}`, { body: { status, statusNotes } }),
};
