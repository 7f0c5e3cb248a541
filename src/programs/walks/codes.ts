/**
 * The coded lists a walk team picks from on the phone: what neighbors are worried about and what the team
 * handed out. Codes are stored; labels are shown in the reader's language. Each concern names who usually
 * follows it up and how soon, so a task can be created from it in one step.
 */
import type { LocalizedText } from '../../core/program/define.js';

export interface ConcernCode {
  code: string;
  label: LocalizedText;
  /** Who usually takes the follow-up (a partner or a city service). */
  owner: string;
  /** Days until the follow-up is due. */
  dueDays: number;
}

export const CONCERNS: readonly ConcernCode[] = [
  { code: 'streetlight_out', label: { en: 'Streetlight out', es: 'Alumbrado público apagado' }, owner: 'City services (311)', dueDays: 7 },
  { code: 'vacant_house', label: { en: 'Vacant or abandoned house', es: 'Casa vacía o abandonada' }, owner: 'Licenses and inspections', dueDays: 14 },
  { code: 'victim_services', label: { en: 'Needs victim services', es: 'Necesita servicios para víctimas' }, owner: 'Victim services', dueDays: 2 },
  { code: 'drug_activity', label: { en: 'Drug activity', es: 'Actividad de drogas' }, owner: 'District CRT', dueDays: 7 },
  { code: 'speeding', label: { en: 'Speeding or reckless driving', es: 'Exceso de velocidad o manejo imprudente' }, owner: 'District traffic unit', dueDays: 14 },
  { code: 'trash_dumping', label: { en: 'Trash or illegal dumping', es: 'Basura o vertido ilegal' }, owner: 'City services (311)', dueDays: 7 },
  { code: 'youth_activities', label: { en: 'Nothing for young people to do', es: 'Faltan actividades para jóvenes' }, owner: 'Parks and recreation', dueDays: 30 },
  { code: 'fear_retaliation', label: { en: 'Fear of retaliation', es: 'Miedo a represalias' }, owner: 'Violence interruption partner', dueDays: 2 },
  { code: 'mental_health', label: { en: 'Mental health or trauma support', es: 'Apoyo de salud mental o trauma' }, owner: 'Behavioral health', dueDays: 3 },
  { code: 'other', label: { en: 'Something else', es: 'Otra cosa' }, owner: 'Walk lead', dueDays: 7 },
];

export interface ResourceCode {
  code: string;
  label: LocalizedText;
  /** One line for the packet's resource list. */
  description: LocalizedText;
  contact: LocalizedText;
  /**
   * The need a services directory lists this under (its resource_needs code), when the directory may hold
   * such a service: a visit that gave it becomes a referral there (see referrals.ts).
   */
  directoryNeed?: string;
}

export const RESOURCES: readonly ResourceCode[] = [
  { code: 'victim_services', directoryNeed: 'victim_services', label: { en: 'Victim services', es: 'Servicios para víctimas' },
    description: { en: 'Support, counseling and help with costs for anyone affected by violence.', es: 'Apoyo, consejería y ayuda con gastos para cualquier persona afectada por la violencia.' },
    contact: { en: '988 or your district victim advocate', es: '988 o el defensor de víctimas de su distrito' } },
  { code: 'tip_line', label: { en: 'Anonymous tip line', es: 'Línea anónima de pistas' },
    description: { en: 'Tell the police what you know without giving your name.', es: 'Diga a la policía lo que sabe sin dar su nombre.' },
    contact: { en: 'See the tip card', es: 'Vea la tarjeta de pistas' } },
  { code: 'crisis_line', directoryNeed: 'crisis', label: { en: 'Crisis line (988)', es: 'Línea de crisis (988)' },
    description: { en: 'Call or text 988 any time for mental health or suicide crisis support.', es: 'Llame o envíe un texto al 988 en cualquier momento para apoyo en crisis.' },
    contact: { en: '988', es: '988' } },
  { code: 'city_311', label: { en: 'City services (311)', es: 'Servicios de la ciudad (311)' },
    description: { en: 'Report streetlights, dumping and vacant properties.', es: 'Reporte alumbrado, basura y propiedades vacías.' },
    contact: { en: '311', es: '311' } },
  { code: 'neighborhood_watch', label: { en: 'Neighborhood watch', es: 'Vigilancia vecinal' },
    description: { en: 'Join neighbors who look out for each other; we help you start a group.', es: 'Únase a vecinos que se cuidan entre sí; le ayudamos a empezar un grupo.' },
    contact: { en: 'Ask the walk team', es: 'Pregunte al equipo de la caminata' } },
  { code: 'violence_interruption', label: { en: 'Violence interruption', es: 'Interrupción de la violencia' },
    description: { en: 'Outreach workers who help calm disputes before they turn violent.', es: 'Trabajadores de alcance que ayudan a calmar disputas antes de que se vuelvan violentas.' },
    contact: { en: 'Ask the walk team', es: 'Pregunte al equipo de la caminata' } },
  { code: 'youth_programs', directoryNeed: 'youth', label: { en: 'Youth programs', es: 'Programas para jóvenes' },
    description: { en: 'After-school, sports and summer jobs programs nearby.', es: 'Programas después de la escuela, deportes y empleos de verano cerca.' },
    contact: { en: 'Parks and recreation', es: 'Parques y recreación' } },
];

export const CONCERN_CODES = CONCERNS.map((c) => c.code) as [string, ...string[]];
export const RESOURCE_CODES = RESOURCES.map((r) => r.code) as [string, ...string[]];
export const TEAM_ROLES = ['cso', 'chaplain', 'officer', 'volunteer', 'partner', 'other'] as const;
export const VISIT_OUTCOMES = ['no_answer', 'conversation', 'declined', 'left_material'] as const;
export const WALK_STATUSES = ['open', 'planned', 'in_progress', 'completed', 'cancelled'] as const;

export const concernByCode = (code: string): ConcernCode | undefined => CONCERNS.find((c) => c.code === code);
