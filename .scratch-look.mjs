import { TOTP, Secret } from 'otpauth';
import { writeFileSync } from 'node:fs';
const base = 'http://localhost:8091';
const secret = process.argv[2];
const user = process.argv[3];
let cookie = '';
const call = async (method, path, body) => {
  const res = await fetch(base + path, { method, headers: { 'content-type': 'application/json', cookie }, body: body ? JSON.stringify(body) : undefined });
  const set = res.headers.get('set-cookie');
  if (set) cookie = set.split(';')[0];
  return res;
};
await call('POST', '/api/auth/sign-in', { username: user, password: 'bridges-demo-2026' });
const code = new TOTP({ secret: Secret.fromBase32(secret) }).generate();
console.log((await call('POST', '/api/auth/mfa', { code })).status);
const walks = await (await call('GET', '/api/programs/walks?status=all')).json();
console.log(walks.length, walks.slice(0, 3).map((w) => [w.id, w.title, w.status, w.doors]));
const briefings = await (await call('GET', '/api/programs/icap/briefings')).json();
console.log(briefings);
const pdf = await call('GET', `/api/programs/icap/briefings/${briefings.find((b) => b.isDemo).id}/pdf`);
writeFileSync('/tmp/look/briefing.pdf', Buffer.from(await pdf.arrayBuffer()));
const planned = walks.find((w) => w.status === 'planned') ?? walks[0];
for (const lang of ['en', 'es']) {
  const p = await call('GET', `/api/programs/walks/${planned.id}/packet.pdf?lang=${lang}`);
  writeFileSync(`/tmp/look/packet-${lang}.pdf`, Buffer.from(await p.arrayBuffer()));
}
const summary = await (await call('GET', '/api/programs/walks/summary?days=28')).json();
console.log(JSON.stringify(summary.outputs), JSON.stringify({ ...summary.impact, series: undefined }));
const problems = await (await call('GET', '/api/programs/problems')).json();
console.log(problems.map((p) => [p.id, p.title, p.stage, p.counts, p.assessment?.counts, p.assessment?.wdq?.wdq, p.hotspots.length]));
const nr = await (await call('GET', '/api/programs/icap/near-repeat')).json();
console.log(nr.radiusM, nr.windowDays, nr.significant, nr.events, nr.sentences);
