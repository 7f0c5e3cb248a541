/**
 * The printed walk packet's words, in English and Spanish. They live on the server because the PDF is made
 * here; the print-friendly web page receives the same text with the packet, so both always match.
 */
/** The languages the printed packet has text for; others print in English. */
export const PACKET_LANGUAGES = ['en', 'es'] as const;
export type PacketLanguage = typeof PACKET_LANGUAGES[number];

export interface PacketText {
  title: string;
  demo: string;
  when: string;
  notScheduled: string;
  meetingPoint: string;
  dueWindow: string;
  team: string;
  noTeam: string;
  roles: Record<string, string>;
  map: string;
  mapNote: string;
  legendCanvass: string;
  legendIncident: string;
  legendArea: string;
  nearbyBlocks: string;
  talkingPoints: string;
  resources: string;
  tipCard: string;
  tipCardBody: string;
  tipPhone: string;
  tipText: string;
  tipWeb: string;
  anonymous: string;
  defaultTalkingPoints: string[];
}

export const PACKET_TEXT: Record<PacketLanguage, PacketText> = {
  en: {
    title: 'Neighborhood Impact walk',
    demo: 'DEMO — generated from public demo data',
    when: 'When',
    notScheduled: 'Not scheduled yet',
    meetingPoint: 'Meeting point',
    dueWindow: 'Due between {from} and {to}',
    team: 'Team',
    noTeam: 'No team named yet',
    roles: { cso: 'Community service officer', chaplain: 'Chaplain', officer: 'Officer', volunteer: 'Volunteer', partner: 'Partner organisation', other: 'Other' },
    map: 'Canvass area',
    mapNote: 'Blocks within the shaded outline are the canvass area. Dots are incidents of the past year, labelled by hundred block; no exact addresses are shown.',
    legendCanvass: 'Canvass area ({radius} m)',
    legendIncident: 'Incident in the past year',
    legendArea: 'Neighborhood or district boundary',
    nearbyBlocks: 'Blocks with recent incidents',
    talkingPoints: 'Talking points',
    resources: 'Resources to share',
    tipCard: 'Tell us what you know',
    tipCardBody: 'You do not have to give your name. Every tip is read by a person.',
    tipPhone: 'Call',
    tipText: 'Text',
    tipWeb: 'Online',
    anonymous: 'Anonymous',
    defaultTalkingPoints: [
      'Introduce yourself and the team: we are here because of what happened nearby, and we care about this block.',
      'Ask how they and their family are doing. Listen first; there is no form to fill in.',
      'Ask what worries them about the block: lights, empty houses, cars, anything.',
      'Share the resources on this sheet, especially victim services and the crisis line.',
      'Give the tip card: they can tell us what they know without giving their name.',
      'Invite them to neighborhood watch or to volunteer, and only note their contact if they agree.',
    ],
  },
  es: {
    title: 'Caminata de Impacto Vecinal',
    demo: 'DEMOSTRACIÓN — generado con datos públicos de demostración',
    when: 'Cuándo',
    notScheduled: 'Aún sin fecha',
    meetingPoint: 'Punto de encuentro',
    dueWindow: 'Debe hacerse entre el {from} y el {to}',
    team: 'Equipo',
    noTeam: 'Aún no se ha nombrado el equipo',
    roles: { cso: 'Oficial de servicio comunitario', chaplain: 'Capellán', officer: 'Oficial', volunteer: 'Voluntario', partner: 'Organización asociada', other: 'Otro' },
    map: 'Área de visita',
    mapNote: 'Las cuadras dentro del contorno sombreado son el área de visita. Los puntos son incidentes del último año, rotulados por cuadra; no se muestran direcciones exactas.',
    legendCanvass: 'Área de visita ({radius} m)',
    legendIncident: 'Incidente del último año',
    legendArea: 'Límite de vecindario o distrito',
    nearbyBlocks: 'Cuadras con incidentes recientes',
    talkingPoints: 'Puntos para conversar',
    resources: 'Recursos para compartir',
    tipCard: 'Díganos lo que sabe',
    tipCardBody: 'No tiene que dar su nombre. Cada pista la lee una persona.',
    tipPhone: 'Llame',
    tipText: 'Texto',
    tipWeb: 'En línea',
    anonymous: 'Anónimo',
    defaultTalkingPoints: [
      'Preséntese y presente al equipo: estamos aquí por lo que pasó cerca y nos importa esta cuadra.',
      'Pregunte cómo están ellos y su familia. Escuche primero; no hay formulario que llenar.',
      'Pregunte qué les preocupa de la cuadra: luces, casas vacías, autos, cualquier cosa.',
      'Comparta los recursos de esta hoja, en especial los servicios para víctimas y la línea de crisis.',
      'Entregue la tarjeta de pistas: pueden decirnos lo que saben sin dar su nombre.',
      'Invítelos a la vigilancia vecinal o a ser voluntarios, y anote su contacto solo si están de acuerdo.',
    ],
  },
};

export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (vars[name] === undefined ? whole : String(vars[name])));
}
