/** Everything the printed packet shows, in one language: the PDF and the print page are drawn from this. */
import type { Queryable } from '../../../db/types.js';
import { RESOURCES } from '../codes.js';
import { loadRules } from '../rules.js';
import { getWalk } from '../service.js';
import { buildScene, type MapScene } from './scene.js';
import { fill, PACKET_TEXT, type PacketLanguage, type PacketText } from './text.js';

export interface Packet {
  language: PacketLanguage;
  text: PacketText;
  walk: {
    id: number; title: string; isDemo: boolean; scheduledFor: string | null; meetingPoint: string | null; dueText: string; radiusM: number;
    timeZone: string; agencyName: string;
  };
  team: Array<{ name: string; role: string; organisation: string | null }>;
  talkingPoints: string[];
  resources: Array<{ label: string; description: string; contact: string }>;
  tipLine: { phone?: string; text?: string; web?: string };
  scene: MapScene;
}

/**
 * Builds the packet of a walk in a language. Dates are written in the agency's time zone. Without a web
 * address in the rules, the tip card points at this site's portal (`portalUrl`), where tips are sent.
 */
export async function buildPacket(q: Queryable, agencyId: number, walkId: number, language: PacketLanguage, portalUrl?: string): Promise<Packet> {
  const walk = await getWalk(q, agencyId, walkId);
  const rules = await loadRules(q, agencyId);
  const [agency] = await q.query<{ name: string; time_zone: string }>('SELECT name, time_zone FROM agencies WHERE id = $1', [agencyId]);
  const text = PACKET_TEXT[language];
  const locale = language === 'es' ? 'es-US' : 'en-US';
  const day = (d: Date) => new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: agency.time_zone }).format(d);
  const when = (d: Date) => new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: agency.time_zone }).format(d);
  const scene = await buildScene(q, agencyId, {
    lon: walk.lon, lat: walk.lat, radiusM: walk.radiusM, canvassAreaId: walk.canvassAreaId,
    // The year before the incident the walk answers (a walk planned later still shows that neighborhood's year).
    at: walk.incidentAt ?? walk.scheduledFor ?? walk.dueFrom,
  });
  return {
    language,
    text,
    walk: {
      id: walk.id, title: walk.title, isDemo: walk.isDemo, scheduledFor: walk.scheduledFor ? when(walk.scheduledFor) : null,
      meetingPoint: walk.meetingPoint, dueText: fill(text.dueWindow, { from: day(walk.dueFrom), to: day(walk.dueTo) }), radiusM: walk.radiusM,
      timeZone: agency.time_zone, agencyName: agency.name,
    },
    team: walk.team.map((m) => ({ name: m.name, role: text.roles[m.role] ?? m.role, organisation: m.organisation })),
    talkingPoints: walk.talkingPoints?.[language]?.length ? walk.talkingPoints[language] : text.defaultTalkingPoints,
    resources: RESOURCES.map((r) => ({ label: r.label[language], description: r.description[language], contact: r.contact[language] })),
    tipLine: { ...rules.tipLine, web: rules.tipLine.web || portalUrl },
    scene,
  };
}
