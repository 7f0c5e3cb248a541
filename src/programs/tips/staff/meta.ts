import type { Queryable } from '../../../db/types.js';
import type { StaffActor } from './scope.js';

type Labelled = { code: string; label: Record<string, string> };

export interface TipsMeta {
  states: Array<Labelled & { isClosed: boolean }>;
  transitions: Array<{ from: string; to: string }>;
  outcomes: Labelled[];
  categories: Labelled[];
  units: Array<Labelled & { id: number }>;
  /** Agencies a tip can be forwarded to. */
  agencies: Array<{ id: number; name: string; kind: string }>;
  /** Staff of the agency who may read tips: the people a tip can be assigned to. */
  handlers: Array<{ id: number; name: string }>;
}

/** The data the console needs to show and change tips: states and transitions, units, outcomes, people. */
export async function tipsMeta(q: Queryable, staff: StaffActor): Promise<TipsMeta> {
  const states = await q.query<TipsMeta['states'][number]>('SELECT code, label, is_closed AS "isClosed" FROM tip_states ORDER BY sort');
  const transitions = await q.query<{ from: string; to: string }>('SELECT from_state AS "from", to_state AS "to" FROM tip_transitions ORDER BY 1, 2');
  const outcomes = await q.query<Labelled>('SELECT code, label FROM tip_outcomes ORDER BY sort');
  const categories = await q.query<Labelled>('SELECT code, label FROM tip_categories WHERE active ORDER BY sort');
  const units = await q.query<TipsMeta['units'][number]>(
    'SELECT id, code, label FROM tip_units WHERE agency_id IS NULL OR agency_id = $1 ORDER BY code', [staff.agencyId]);
  const agencies = await q.query<TipsMeta['agencies'][number]>('SELECT id, name, kind FROM agencies WHERE id <> $1 ORDER BY name', [staff.agencyId]);
  const handlers = await q.query<{ id: number; name: string }>(
    `SELECT DISTINCT u.id, u.display_name AS name FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id
     WHERE u.agency_id = $1 AND u.status = 'active' AND 'tips:read' = ANY (r.permissions) ORDER BY name`, [staff.agencyId]);
  return { states, transitions, outcomes, categories, units, agencies, handlers };
}
