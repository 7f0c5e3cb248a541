/**
 * Reference data of the volunteers program: applicant age bands, and the standard programs most US
 * departments run, which a coordinator adds with one click (and may then rename, retire or extend).
 */
import type { LocalizedText } from '../../core/program/define.js';

/** Age bands rather than birth dates: enough to route a minor to guardian consent, without a birth date on file. */
export const AGE_BANDS = ['6-9', '10-13', '14-15', '16-17', '18-20', '21-54', '55-64', '65-plus'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const MINOR_BANDS: ReadonlySet<AgeBand> = new Set(['6-9', '10-13', '14-15', '16-17']);
export const isMinor = (band: AgeBand): boolean => MINOR_BANDS.has(band);

export interface StandardProgram {
  code: string;
  name: LocalizedText;
  description: LocalizedText;
  youth: boolean;
  ageBands: AgeBand[];
  sort: number;
}

const ADULTS: AgeBand[] = ['18-20', '21-54', '55-64', '65-plus'];

export const STANDARD_PROGRAMS: readonly StandardProgram[] = [
  {
    code: 'vips', sort: 10, youth: false, ageBands: ADULTS,
    name: { en: 'Volunteers in Police Service (VIPS)', es: 'Voluntarios en el Servicio Policial (VIPS)' },
    description: {
      en: 'Adults help at district front desks, community events, records and outreach, freeing officers for patrol.',
      es: 'Adultos ayudan en la recepción de los distritos, eventos comunitarios, archivos y difusión, para que los oficiales puedan patrullar.',
    },
  },
  {
    code: 'sentinel', sort: 20, youth: false, ageBands: ['55-64', '65-plus'],
    name: { en: 'Sentinel senior volunteers', es: 'Voluntarios mayores Sentinel' },
    description: {
      en: 'Residents 55 and older check on homebound neighbors, watch vacant homes and share fraud-prevention tips.',
      es: 'Residentes de 55 años o más visitan a vecinos que no salen de casa, vigilan casas vacías y comparten consejos contra el fraude.',
    },
  },
  {
    code: 'chaplaincy', sort: 30, youth: false, ageBands: ['21-54', '55-64', '65-plus'],
    name: { en: 'Police chaplaincy', es: 'Capellanía policial' },
    description: {
      en: 'Faith leaders of every tradition support victims, families and officers after a death or a crisis.',
      es: 'Líderes religiosos de todas las tradiciones acompañan a víctimas, familias y oficiales después de una muerte o una crisis.',
    },
  },
  {
    code: 'explorers', sort: 40, youth: true, ageBands: ['14-15', '16-17', '18-20'],
    name: { en: 'Police Explorers', es: 'Exploradores de la Policía' },
    description: {
      en: 'Young people aged 14 to 20 learn about police work through training, service projects and mentoring.',
      es: 'Jóvenes de 14 a 20 años conocen el trabajo policial con capacitación, proyectos de servicio y mentores.',
    },
  },
  {
    code: 'yal', sort: 50, youth: true, ageBands: ['6-9', '10-13', '14-15', '16-17'],
    name: { en: 'Youth Activities League', es: 'Liga de Actividades Juveniles' },
    description: {
      en: 'Sports, homework help and arts after school with officers as coaches, for children aged 6 to 17.',
      es: 'Deportes, ayuda con las tareas y artes después de clases, con oficiales como entrenadores, para niños de 6 a 17 años.',
    },
  },
];
