import { fileURLToPath } from 'node:url';
import { defineProgram } from '../../core/program/define.js';
import type { ProgramOpenData } from '../../core/public/open-data.js';
import { createSenders, loadMessagingConfig, publicUrlOr } from '../../core/messaging/index.js';
import { seedDemoEvents } from './demo.js';
import { runEventNotifications } from './notifications.js';
import { eventRoutes } from './routes.js';
import { eventStats } from './stats.js';

/**
 * Community events: Coffee with a Cop, town halls, crime-prevention workshops, CRT and Advisory Board
 * meetings, youth events. RSVP without an account, wait lists, reminders, check-in, an anonymous survey and
 * iCalendar feeds. Other programs refer to an event by its id and link to /events/:id.
 */
const manifest = defineProgram({
  id: 'events',
  name: { en: 'Community events', es: 'Eventos comunitarios' },
  summary: {
    en: 'Meet officers and neighbors: Coffee with a Cop, town halls, safety workshops and youth events. Reserve a place without an account.',
    es: 'Conozca a oficiales y vecinos: Café con un policía, asambleas, talleres de seguridad y eventos juveniles. Reserve un lugar sin crear una cuenta.',
  },
  permissions: {
    'events:manage': {
      description: 'Create and change events, see RSVPs (names only), check people in, read survey results',
      defaultRoles: ['administrator', 'command', 'officer', 'volunteer_coordinator'],
    },
  },
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: eventRoutes,
  stats: eventStats,
  jobs: [{
    name: 'events.notifications',
    everySeconds: 300,
    run: async ({ db, now }) => {
      const messaging = loadMessagingConfig();
      await runEventNotifications(db, { senders: createSenders(messaging, db), publicUrl: publicUrlOr(messaging, `http://localhost:${process.env.PORT ?? 8080}`), now });
    },
  }],
  seedDemo: seedDemoEvents,
});

// Published on the open-data page: public venues and times only, never RSVPs or attendance.
const openData: ProgramOpenData = {
  openData: [{
    id: 'events',
    title: { en: 'Community events', es: 'Eventos comunitarios' },
    description: {
      en: 'Every public event, upcoming and past: kind, title, time, venue and its position. No RSVP or attendance data. The map file leaves out events without a venue position.',
      es: 'Todos los eventos públicos, próximos y pasados: tipo, título, hora, lugar y su ubicación. Sin datos de reservas ni de asistencia. El archivo de mapa omite los eventos sin ubicación.',
    },
    formats: { csv: '/api/programs/events/public/events.csv', geojson: '/api/programs/events/public/events.geojson' },
  }],
};

export const events = Object.assign(manifest, openData);
