/**
 * Demo events for the Philadelphia demo agency: a few months of upcoming events relative to today, and a few
 * past ones with attendance and survey answers so the figures have something to show. Every title starts
 * with "Demo:" and every row has is_demo.
 */
import { randomBytes } from 'node:crypto';
import type { DemoSeedContext } from '../../core/program/define.js';
import type { Queryable } from '../../db/types.js';
import { hashToken } from './rsvp.js';
import { offsetMinutes } from './vtimezone.js';

const DAY = 86_400_000;
const ZONE = 'America/New_York';

/** The instant of a wall-clock time in the agency's zone, `days` from today. */
function localTime(days: number, hour: number, minute = 0): Date {
  const today = new Date(Date.now() + days * DAY);
  const guess = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate(), hour, minute);
  // Two passes settle the offset even on the day the clocks change.
  let instant = guess - offsetMinutes(ZONE, new Date(guess)) * 60_000;
  instant = guess - offsetMinutes(ZONE, new Date(instant)) * 60_000;
  return new Date(instant);
}

interface DemoEvent {
  type: string; host?: string; days: number; hour: number; minute?: number; hours: number;
  title: [string, string]; description: [string, string]; place: string; address: string; lon: number; lat: number;
  accessibility?: [string, string]; languages?: string[]; capacity?: number;
  /** Anonymous RSVPs to seed (party sizes); past events get them checked in. */
  rsvps?: number[]; walkIns?: number; ratings?: Array<[number, string?]>;
}

const STEP_FREE: [string, string] = [
  'Step-free entrance and accessible restroom. Spanish interpretation on site; ask for ASL interpretation when you RSVP.',
  'Entrada sin escalones y baño accesible. Interpretación al español en el lugar; pida interpretación en lengua de señas al inscribirse.',
];

const DEMO_EVENTS: DemoEvent[] = [
  { type: 'coffee_with_a_cop', days: 5, hour: 8, minute: 30, hours: 1.5, place: 'Reading Terminal Market, Center Court', address: '1136 Arch St, Philadelphia, PA 19107', lon: -75.1594, lat: 39.9533,
    title: ['Demo: Coffee with a Cop at Reading Terminal Market', 'Demo: Café con un policía en Reading Terminal Market'],
    description: ['Demonstration event. No speeches and no agenda: just coffee and conversation with the officers who patrol Center City.', 'Evento de demostración. Sin discursos ni agenda: solo café y conversación con los oficiales que patrullan Center City.'],
    accessibility: STEP_FREE, languages: ['en', 'es'], capacity: 40, rsvps: [1, 2, 1, 3] },
  { type: 'watch_meeting', host: 'watch', days: 9, hour: 19, hours: 1.5, place: 'Lillian Marrero Library, community room', address: '601 W Lehigh Ave, Philadelphia, PA 19133', lon: -75.1402, lat: 39.9924,
    title: ['Demo: Fairhill Block Watch monthly meeting', 'Demo: Reunión mensual de Vigilancia Vecinal de Fairhill'],
    description: ['Demonstration event. Captains share what they saw this month; the district\'s community relations officer answers questions.', 'Evento de demostración. Los capitanes comparten lo que vieron este mes; el oficial de relaciones comunitarias del distrito responde preguntas.'],
    accessibility: STEP_FREE, languages: ['en', 'es'] },
  { type: 'town_hall', days: 12, hour: 18, minute: 30, hours: 1.5, place: 'Kensington High School auditorium', address: '2051 E Cumberland St, Philadelphia, PA 19125', lon: -75.1258, lat: 39.9810,
    title: ['Demo: 24th District town hall on gun violence', 'Demo: Asamblea del Distrito 24 sobre la violencia armada'],
    description: ['Demonstration event. The captain presents the last quarter\'s figures and the plan for the summer, then takes questions from residents.', 'Evento de demostración. El capitán presenta las cifras del último trimestre y el plan para el verano, y luego responde preguntas de los vecinos.'],
    accessibility: STEP_FREE, languages: ['en', 'es'], rsvps: [2, 1, 1, 4, 2] },
  { type: 'advisory_board', host: 'board', days: 15, hour: 18, hours: 2, place: 'Police Headquarters, 400 N Broad St, community room', address: '400 N Broad St, Philadelphia, PA 19130', lon: -75.1618, lat: 39.9605,
    title: ['Demo: Community Advisory Board monthly meeting', 'Demo: Reunión mensual de la Junta Asesora Comunitaria'],
    description: ['Demonstration event. Open to the public. The agenda is on the board\'s page; public comment at the end.', 'Evento de demostración. Abierta al público. La agenda está en la página de la junta; comentarios del público al final.'],
    accessibility: STEP_FREE, languages: ['en', 'es'] },
  { type: 'workshop_home_security', days: 19, hour: 18, hours: 1.5, place: 'Frankford Library', address: '4634 Frankford Ave, Philadelphia, PA 19124', lon: -75.0836, lat: 40.0193,
    title: ['Demo: Home security workshop: locks, lighting and cameras', 'Demo: Taller de seguridad en el hogar: cerraduras, luces y cámaras'],
    description: ['Demonstration event. A crime-prevention officer shows what stops burglars in Philadelphia row homes. Free door wedges while they last.', 'Evento de demostración. Un oficial de prevención muestra qué detiene a los ladrones en las casas adosadas de Filadelfia. Calzas para puertas gratis hasta agotar existencias.'],
    accessibility: ['Ground floor, step-free.', 'Planta baja, sin escalones.'], languages: ['en'], capacity: 12, rsvps: [2, 3, 1, 2, 2, 2, 1] },
  { type: 'youth', days: 22, hour: 17, hours: 3, place: 'Hunting Park Recreation Center', address: '1101 W Hunting Park Ave, Philadelphia, PA 19140', lon: -75.1436, lat: 40.0171,
    title: ['Demo: Youth basketball night with the Police Athletic League', 'Demo: Noche de básquetbol juvenil con la Liga Atlética Policial'],
    description: ['Demonstration event. Ages 12–18. Teams are mixed with officers; food after the games.', 'Evento de demostración. De 12 a 18 años. Equipos mixtos con oficiales; comida después de los partidos.'],
    accessibility: STEP_FREE, languages: ['en', 'es'], capacity: 60, rsvps: [1, 1, 2, 1] },
  { type: 'workshop_personal_safety', days: 26, hour: 10, hours: 1.5, place: 'Olney Senior Center', address: '5535 N 5th St, Philadelphia, PA 19120', lon: -75.1328, lat: 40.0365,
    title: ['Demo: Personal safety for seniors: scams and street safety', 'Demo: Seguridad personal para adultos mayores: estafas y seguridad en la calle'],
    description: ['Demonstration event. How phone and door-to-door scams work, and what to do if someone follows you.', 'Evento de demostración. Cómo funcionan las estafas por teléfono y de puerta en puerta, y qué hacer si alguien lo sigue.'],
    accessibility: ['Step-free; large-print handouts; hearing loop in the room.', 'Sin escalones; folletos en letra grande; bucle magnético en la sala.'], languages: ['en', 'es'], capacity: 30 },
  { type: 'crt_meeting', days: 33, hour: 18, hours: 1.5, place: 'Frankford Community Development Corporation', address: '4667 Paul St, Philadelphia, PA 19124', lon: -75.0850, lat: 40.0190,
    title: ['Demo: CRT neighborhood meeting: Frankford', 'Demo: Reunión vecinal del CRT: Frankford'],
    description: ['Demonstration event. The Community Response Team reviews the problem properties neighbors reported and what was done.', 'Evento de demostración. El Equipo de Respuesta Comunitaria revisa las propiedades problemáticas que reportaron los vecinos y lo que se hizo.'],
    accessibility: STEP_FREE, languages: ['en', 'es'] },
  { type: 'watch_meeting', host: 'watch', days: 40, hour: 10, hours: 2, place: 'Fishtown Library', address: '1217 E Montgomery Ave, Philadelphia, PA 19125', lon: -75.1300, lat: 39.9727,
    title: ['Demo: Block captain training: observe and report', 'Demo: Capacitación para capitanes de cuadra: observar y reportar'],
    description: ['Demonstration event. How to describe a person and a vehicle, when to call 911 and when to call 311.', 'Evento de demostración. Cómo describir a una persona y un vehículo, cuándo llamar al 911 y cuándo al 311.'],
    accessibility: STEP_FREE, languages: ['en'], capacity: 25 },
  { type: 'advisory_board', host: 'board', days: 45, hour: 18, hours: 2, place: 'Police Headquarters, 400 N Broad St, community room', address: '400 N Broad St, Philadelphia, PA 19130', lon: -75.1618, lat: 39.9605,
    title: ['Demo: Community Advisory Board monthly meeting', 'Demo: Reunión mensual de la Junta Asesora Comunitaria'],
    description: ['Demonstration event. Open to the public; public comment at the end.', 'Evento de demostración. Abierta al público; comentarios del público al final.'], accessibility: STEP_FREE, languages: ['en', 'es'] },
  { type: 'coffee_with_a_cop', days: 54, hour: 9, hours: 1.5, place: 'Mugshots Coffeehouse, Fairmount', address: '1925 Fairmount Ave, Philadelphia, PA 19130', lon: -75.1705, lat: 39.9672,
    title: ['Demo: Coffee with a Cop in Fairmount', 'Demo: Café con un policía en Fairmount'],
    description: ['Demonstration event. Meet the officers of the 9th District over coffee.', 'Evento de demostración. Conozca a los oficiales del Distrito 9 tomando un café.'], languages: ['en'] },
  { type: 'town_hall', days: 75, hour: 18, minute: 30, hours: 1.5, place: 'West Philadelphia High School', address: '4901 Chestnut St, Philadelphia, PA 19139', lon: -75.2196, lat: 39.9585,
    title: ['Demo: 18th District town hall', 'Demo: Asamblea del Distrito 18'],
    description: ['Demonstration event. Summer safety plan and Q&A.', 'Evento de demostración. Plan de seguridad para el verano y preguntas.'], accessibility: STEP_FREE, languages: ['en', 'es'] },
  // Past events: what happened, so attendance and survey figures are not empty.
  { type: 'advisory_board', host: 'board', days: -16, hour: 18, hours: 2, place: 'Police Headquarters, 400 N Broad St, community room', address: '400 N Broad St, Philadelphia, PA 19130', lon: -75.1618, lat: 39.9605,
    title: ['Demo: Community Advisory Board monthly meeting', 'Demo: Reunión mensual de la Junta Asesora Comunitaria'],
    description: ['Demonstration event. Minutes are on the board\'s page.', 'Evento de demostración. El acta está en la página de la junta.'], languages: ['en', 'es'], rsvps: [1, 1, 2], walkIns: 11 },
  { type: 'coffee_with_a_cop', days: -20, hour: 8, minute: 30, hours: 1.5, place: 'Germantown Espresso Bar', address: '5521 Germantown Ave, Philadelphia, PA 19144', lon: -75.1737, lat: 40.0340,
    title: ['Demo: Coffee with a Cop in Germantown', 'Demo: Café con un policía en Germantown'],
    description: ['Demonstration event.', 'Evento de demostración.'], languages: ['en'], rsvps: [1, 2, 1, 1, 2], walkIns: 14,
    ratings: [[5, 'Great to meet the officers who work my block.'], [4], [5, 'Muy amables, gracias.'], [3, 'More chairs next time please.']] },
  { type: 'workshop_home_security', days: -35, hour: 18, hours: 1.5, place: 'Lovett Memorial Library', address: '6945 Germantown Ave, Philadelphia, PA 19119', lon: -75.1917, lat: 40.0554,
    title: ['Demo: Home security workshop in Mt. Airy', 'Demo: Taller de seguridad en el hogar en Mt. Airy'],
    description: ['Demonstration event.', 'Evento de demostración.'], languages: ['en'], capacity: 20, rsvps: [2, 2, 1, 1, 3, 2], walkIns: 3, ratings: [[5], [4, 'Useful tips on lighting.']] },
];

/** Anonymous RSVPs (no contact); past ones mostly checked in, as at a real event. Beyond capacity: wait list. */
async function insertRsvps(q: Queryable, eventId: number, sizes: number[], capacity: number | null, past: boolean): Promise<void> {
  let confirmed = 0;
  for (const [i, size] of sizes.entries()) {
    const fits = capacity === null || confirmed + size <= capacity;
    if (fits) confirmed += size;
    await q.query(
      `INSERT INTO event_rsvps (event_id, party_size, status, name, cancel_token_hash, checked_in_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [eventId, size, fits ? 'confirmed' : 'waitlisted', i % 2 === 0 ? `Demo guest ${i + 1}` : null,
        hashToken(randomBytes(24).toString('base64url')), past && fits && i % 4 !== 3 ? new Date() : null]);
  }
}

export async function seedDemoEvents({ db, agencies, users }: DemoSeedContext): Promise<void> {
  const agencyId = agencies['philadelphia-pd'];
  if (!agencyId) return;
  const seeded = await db.query('SELECT 1 FROM events WHERE is_demo AND agency_id = $1 LIMIT 1', [agencyId]);
  if (seeded.length > 0) return;
  const types = new Map((await db.query<{ id: number; code: string }>('SELECT id, code FROM event_types WHERE agency_id IS NULL')).map((t) => [t.code, t.id]));
  const author = users['demo.officer'] ?? null;
  await db.transaction(async (tx) => {
    for (const event of DEMO_EVENTS) {
      const startsAt = localTime(event.days, event.hour, event.minute ?? 0);
      const [{ id }] = await tx.query<{ id: number }>(
        `INSERT INTO events (agency_id, type_id, host_program, title, description, starts_at, ends_at, place_name, address, lon, lat,
           accessibility, languages, capacity, status, walk_ins, is_demo, created_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,'published',$15,true,$16) RETURNING id`,
        [agencyId, types.get(event.type), event.host ?? 'events', JSON.stringify({ en: event.title[0], es: event.title[1] }),
          JSON.stringify({ en: event.description[0], es: event.description[1] }), startsAt, new Date(startsAt.getTime() + event.hours * 3_600_000),
          event.place, event.address, event.lon, event.lat,
          JSON.stringify(event.accessibility ? { en: event.accessibility[0], es: event.accessibility[1] } : { en: '', es: '' }),
          event.languages ?? ['en'], event.capacity ?? null, event.walkIns ?? 0, author]);
      await insertRsvps(tx, id, event.rsvps ?? [], event.capacity ?? null, event.days < 0);
      for (const [rating, comment] of event.ratings ?? []) {
        await tx.query('INSERT INTO event_survey_responses (event_id, rating, comment) VALUES ($1, $2, $3)', [id, rating, comment ?? null]);
      }
    }
  });
}
