import type { Db } from '../../db/types.js';
import type { ProgramStat } from '../../core/program/define.js';

/** Headline figures for the public results page: counts only, nothing about any one referral. */
export async function resourceStats(db: Db): Promise<ProgramStat[]> {
  const [row] = await db.query<{ services: number; referrals: number; taken_up: number }>(
    `SELECT (SELECT count(*) FROM resource_services WHERE active)::int AS services,
            (SELECT count(*) FROM resource_referrals WHERE referred_on > current_date - 365)::int AS referrals,
            (SELECT count(*) FROM resource_referrals WHERE referred_on > current_date - 365 AND taken_up = 'yes')::int AS taken_up`);
  return [
    { key: 'services', label: { en: 'Services in the directory', es: 'Servicios en el directorio' }, value: row.services },
    { key: 'referrals', label: { en: 'Referrals to services in the last year', es: 'Derivaciones a servicios en el último año' }, value: row.referrals },
    { key: 'takenUp', label: { en: 'Referrals taken up', es: 'Derivaciones aceptadas' }, value: row.taken_up },
  ];
}
