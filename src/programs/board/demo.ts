/**
 * A demo Community Advisory Board for Philadelphia: 24 seats (the count is data; Stockton's board has 24),
 * most filled by fictional members, meetings linked to the demo events hosted for 'board', minutes and
 * attendance for the past one, and a few answered questions. Everything is marked demo.
 */
import type { DemoSeedContext } from '../../core/program/define.js';
import type { Queryable } from '../../db/types.js';

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const BODIES = ['Mayor', 'City Council', 'Police Commissioner', 'Youth Commission'];
const SEAT_LABELS: Array<[string, string]> = [
  ...Array.from({ length: 21 }, (_, i): [string, string] => [`Police District ${[1, 2, 3, 5, 6, 7, 8, 9, 12, 14, 15, 16, 17, 18, 19, 22, 24, 25, 26, 35, 39][i]}`, `Distrito policial ${[1, 2, 3, 5, 6, 7, 8, 9, 12, 14, 15, 16, 17, 18, 19, 22, 24, 25, 26, 35, 39][i]}`]),
  ['Youth seat', 'Puesto juvenil'], ['Faith community seat', 'Puesto de comunidades de fe'], ['Business community seat', 'Puesto del sector empresarial'],
];
const FIRST = ['Ana', 'Marcus', 'Keisha', 'Luis', 'Mei', 'Darnell', 'Rosa', 'Tom', 'Aisha', 'Jorge', 'Linh', 'Patrick', 'Yolanda', 'Samir', 'Grace', 'Héctor', 'Tanya', 'Omar', 'Brianna', 'Dmitri'];
const LAST = ['Rivera', 'Johnson', 'Nguyen', 'Ortiz', 'Chen', 'Williams', 'Delgado', 'O’Brien', 'Bello', 'Mendoza', 'Tran', 'Walsh', 'Brooks', 'Haddad', 'Kim', 'Santiago', 'Moore', 'Farah', 'Lewis', 'Petrov'];

const PROFILE = {
  name: { en: 'Demo: Community Advisory Board', es: 'Demo: Junta Asesora Comunitaria' },
  vision: {
    en: 'Demonstration text. A city where every neighborhood trusts its police, and the police earn that trust by listening, explaining and acting together with residents.',
    es: 'Texto de demostración. Una ciudad donde cada vecindario confía en su policía, y la policía se gana esa confianza escuchando, explicando y actuando junto con los vecinos.',
  },
  mission: {
    en: 'Demonstration text. The board brings residents\' concerns to the Police Commissioner, reviews department policies before they are adopted, reports back to the community in public meetings, and makes sure questions from the public get answers.',
    es: 'Texto de demostración. La junta lleva las preocupaciones de los vecinos al Comisionado de Policía, revisa las políticas del departamento antes de adoptarlas, rinde cuentas a la comunidad en reuniones públicas y se asegura de que las preguntas del público tengan respuesta.',
  },
  answerer: { en: 'the Police Commissioner', es: 'el Comisionado de Policía' },
};

const QUESTIONS: Array<{ q: [string, string]; a: [string, string]; days: number; language: 'en' | 'es' }> = [
  { language: 'en', days: 12, q: ['Demo: Why do response times in the 24th District seem longer at night?', 'Demo: ¿Por qué los tiempos de respuesta en el Distrito 24 parecen más largos de noche?'],
    a: ['Demonstration answer. Night shifts cover the same area with fewer officers. We are moving two patrol units to the 6 pm–2 am shift starting next month and will report the change in response times at the board\'s meeting.', 'Respuesta de demostración. Los turnos de noche cubren la misma zona con menos oficiales. A partir del próximo mes pasaremos dos unidades de patrulla al turno de 6 p. m. a 2 a. m. e informaremos el cambio en los tiempos de respuesta en la reunión de la junta.'] },
  { language: 'es', days: 26, q: ['Demo: Can I report a crime in Spanish if I call 911?', 'Demo: ¿Puedo reportar un delito en español si llamo al 911?'],
    a: ['Demonstration answer. Yes. Tell the call-taker "Spanish" and an interpreter joins the call within seconds, 24 hours a day. Officers can use the same service on their phones.', 'Respuesta de demostración. Sí. Diga «español» a la persona que atiende y un intérprete se une a la llamada en segundos, las 24 horas. Los oficiales pueden usar el mismo servicio en sus teléfonos.'] },
  { language: 'en', days: 40, q: ['Demo: How are complaints about officers investigated, and who sees the results?', 'Demo: ¿Cómo se investigan las quejas sobre oficiales y quién ve los resultados?'],
    a: ['Demonstration answer. Internal Affairs investigates every complaint, and the Citizens Police Oversight Commission reviews the findings. Summaries of closed cases are published every quarter.', 'Respuesta de demostración. Asuntos Internos investiga cada queja y la Comisión Ciudadana de Supervisión Policial revisa los resultados. Cada trimestre se publican resúmenes de los casos cerrados.'] },
];

async function seedSeats(q: Queryable, agencyId: number): Promise<number[]> {
  const now = Date.now();
  const termIds: number[] = [];
  for (const [i, [en, es]] of SEAT_LABELS.entries()) {
    const body = i === 21 ? 'Youth Commission' : BODIES[i % 3];
    const [{ id: seatId }] = await q.query<{ id: number }>('INSERT INTO board_seats (agency_id, number, label, appointing_body) VALUES ($1, $2, $3, $4) RETURNING id',
      [agencyId, i + 1, JSON.stringify({ en, es }), body]);
    // Five seats are vacant, as on a real board between appointments.
    if (i % 5 === 4) continue;
    const member = termIds.length % FIRST.length;
    const start = now - (30 + i * 25) * DAY;
    const [{ id }] = await q.query<{ id: number }>(
      'INSERT INTO board_terms (seat_id, member_name, bio, appointing_body, term_start, term_end) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id',
      [seatId, `${FIRST[member]} ${LAST[member]} (demo)`,
        JSON.stringify({ en: `Demonstration member. Seat: ${en}.`, es: `Miembro de demostración. Puesto: ${es}.` }),
        body, isoDay(start), isoDay(start + 2 * 365 * DAY)]);
    termIds.push(id);
  }
  return termIds;
}

/** Board meetings for the demo events hosted for 'board' (found by host program, when the events program is present). */
async function seedMeetings(q: Queryable, agencyId: number, termIds: number[]): Promise<void> {
  const [{ exists }] = await q.query<{ exists: boolean }>("SELECT to_regclass('public.events') IS NOT NULL AS exists");
  if (!exists) return;
  const events = await q.query<{ id: number; starts_at: Date }>(
    "SELECT id, starts_at FROM events WHERE agency_id = $1 AND host_program = 'board' AND is_demo ORDER BY starts_at", [agencyId]);
  for (const event of events) {
    const past = event.starts_at.getTime() < Date.now();
    const month = event.starts_at.toLocaleString('en-US', { month: 'long', timeZone: 'America/New_York' });
    const mes = event.starts_at.toLocaleString('es-US', { month: 'long', timeZone: 'America/New_York' });
    const [{ id }] = await q.query<{ id: number }>(
      `INSERT INTO board_meetings (agency_id, event_id, title, starts_at, agenda, minutes, status, is_demo) VALUES ($1,$2,$3,$4,$5,$6,$7,true) RETURNING id`,
      [agencyId, event.id, JSON.stringify({ en: `Demo: ${month} board meeting`, es: `Demo: Reunión de la junta de ${mes}` }), event.starts_at,
        JSON.stringify({
          en: '1. Welcome and roll call\n2. Commissioner\'s report: shootings and response times\n3. Youth seat report: summer programs\n4. Policy review: body-worn camera footage release\n5. Questions from the public',
          es: '1. Bienvenida y lista de asistencia\n2. Informe del Comisionado: tiroteos y tiempos de respuesta\n3. Informe del puesto juvenil: programas de verano\n4. Revisión de políticas: publicación de videos de cámaras corporales\n5. Preguntas del público',
        }),
        past ? JSON.stringify({
          en: 'Demonstration minutes. 14 members present; quorum reached. The Commissioner reported a 12% drop in shootings compared with last year. The board asked for response times by district at the next meeting. The body-worn camera policy draft was sent back with three changes. 23 residents attended; 6 spoke in public comment.',
          es: 'Acta de demostración. 14 miembros presentes; hubo quórum. El Comisionado informó una baja del 12 % en los tiroteos respecto del año pasado. La junta pidió los tiempos de respuesta por distrito para la próxima reunión. El borrador de la política de cámaras corporales se devolvió con tres cambios. Asistieron 23 vecinos; 6 hablaron en el período de comentarios.',
        }) : null,
        past ? 'held' : 'scheduled']);
    if (past) {
      for (const [i, termId] of termIds.entries()) {
        await q.query('INSERT INTO board_attendance (meeting_id, term_id, present) VALUES ($1, $2, $3)', [id, termId, i % 8 !== 3 && i % 8 !== 6 ? true : i < 10]);
      }
    }
  }
}

export async function seedDemoBoard({ db, agencies }: DemoSeedContext): Promise<void> {
  const agencyId = agencies['philadelphia-pd'];
  if (!agencyId) return;
  const seeded = await db.query('SELECT 1 FROM board_profiles WHERE agency_id = $1', [agencyId]);
  if (seeded.length > 0) return;
  await db.transaction(async (tx) => {
    await tx.query('INSERT INTO board_profiles (agency_id, name, vision, mission, answerer, is_demo) VALUES ($1,$2,$3,$4,$5,true)',
      [agencyId, JSON.stringify(PROFILE.name), JSON.stringify(PROFILE.vision), JSON.stringify(PROFILE.mission), JSON.stringify(PROFILE.answerer)]);
    const termIds = await seedSeats(tx, agencyId);
    await seedMeetings(tx, agencyId, termIds);
    for (const question of QUESTIONS) {
      const original = question.language === 'es' ? question.q[1] : question.q[0];
      await tx.query(
        `INSERT INTO board_questions (agency_id, question, language, status, published_question, answer, answered_at, created_at, is_demo)
         VALUES ($1,$2,$3,'answered',$4,$5,$6,$7,true)`,
        [agencyId, original, question.language, JSON.stringify({ en: question.q[0], es: question.q[1] }), JSON.stringify({ en: question.a[0], es: question.a[1] }),
          new Date(Date.now() - question.days * DAY), new Date(Date.now() - (question.days + 6) * DAY)]);
    }
    await tx.query(`INSERT INTO board_questions (agency_id, question, language, is_demo) VALUES ($1, $2, 'en', true), ($1, $3, 'es', true)`,
      [agencyId, 'Demo: Will there be more foot patrols on Kensington Ave this summer?', 'Demo: ¿Habrá más patrullas a pie en la avenida Kensington este verano?']);
  });
}
