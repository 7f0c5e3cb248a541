import type { DemoSeedContext } from '../../core/program/define.js';

const DAY = 24 * 60 * 60 * 1000;

/** A few live notices so the portal shows the program working; all flagged is_demo and labelled as demo. */
export async function seedDemoNotices({ db, agencies, users }: DemoSeedContext): Promise<void> {
  const agencyId = agencies['philadelphia-pd'];
  if (!agencyId) return;
  // Idempotent: an interrupted demo load runs this again.
  const seeded = await db.query('SELECT 1 FROM notices WHERE is_demo AND agency_id = $1 LIMIT 1', [agencyId]);
  if (seeded.length > 0) return;
  const author = users['demo.admin'] ?? null;
  const now = Date.now();
  const notices = [
    {
      kind: 'alert',
      title: { en: 'Demo: Car break-ins near the Market-Frankford Line', es: 'Demo: Robos en autos cerca de la línea Market-Frankford' },
      body: {
        en: 'Demonstration notice. Several cars were broken into overnight near El stations this week. Do not leave bags or phones in sight, and call 911 if you see someone trying car doors.',
        es: 'Aviso de demostración. Esta semana varios autos fueron forzados de noche cerca de estaciones del El. No deje bolsas ni teléfonos a la vista y llame al 911 si ve a alguien probando puertas de autos.',
      },
      publishAt: new Date(now - 2 * DAY), expiresAt: new Date(now + 12 * DAY),
    },
    {
      kind: 'advisory',
      title: { en: 'Demo: Neighborhood walk this Saturday in Kensington', es: 'Demo: Caminata vecinal este sábado en Kensington' },
      body: {
        en: 'Demonstration notice. Community service officers and chaplains will walk the blocks around Kensington Ave and Somerset St to meet neighbors and share resources. Everyone is welcome.',
        es: 'Aviso de demostración. Oficiales de servicio comunitario y capellanes recorrerán las cuadras alrededor de Kensington Ave y Somerset St para conocer a los vecinos y compartir recursos. Todos son bienvenidos.',
      },
      publishAt: new Date(now - 1 * DAY), expiresAt: new Date(now + 6 * DAY),
    },
    {
      kind: 'news',
      title: { en: 'Demo: Tips can now be sent by text message', es: 'Demo: Ahora puede enviar pistas por mensaje de texto' },
      body: {
        en: 'Demonstration notice. Residents can send anonymous tips from any phone. You never have to give your name.',
        es: 'Aviso de demostración. Los residentes pueden enviar pistas anónimas desde cualquier teléfono. Nunca tiene que dar su nombre.',
      },
      publishAt: new Date(now - 5 * DAY), expiresAt: null,
    },
  ];
  for (const notice of notices) {
    await db.query(
      `INSERT INTO notices (agency_id, kind, title, body, status, publish_at, expires_at, is_demo, created_by)
       VALUES ($1,$2,$3,$4,'published',$5,$6,true,$7)`,
      [agencyId, notice.kind, JSON.stringify(notice.title), JSON.stringify(notice.body), notice.publishAt, notice.expiresAt, author],
    );
  }
}
