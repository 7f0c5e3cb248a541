import { readFileSync, readdirSync } from 'node:fs';
for (const f of readdirSync('prof')) {
  const p = JSON.parse(readFileSync('prof/' + f, 'utf8'));
  const dt = {}; const byId = new Map(p.nodes.map(n => [n.id, n]));
  for (let i = 0; i < p.samples.length; i++) { dt[p.samples[i]] = (dt[p.samples[i]] ?? 0) + (p.timeDeltas[i] ?? 0); }
  const self = {}; const byFile = {};
  let total = 0;
  for (const [id, t] of Object.entries(dt)) { const n = byId.get(Number(id)); const cf = n.callFrame; const key = `${cf.functionName || '(anon)'} ${cf.url.replace(/.*node_modules\//, 'nm/').replace(/.*\/work\/main\//,'')}:${cf.lineNumber}`; self[key] = (self[key] ?? 0) + t; total += t;
    const file = cf.url.replace(/.*node_modules\/(@[^/]+\/[^/]+|[^/]+).*/, 'nm:$1').replace(/.*\/work\/main\/(src\/[^/]+\/[^/]+).*/, '$1') || cf.functionName; byFile[file] = (byFile[file] ?? 0) + t; }
  console.log(f, 'total ms', (total/1000).toFixed(0));
  for (const [k, v] of Object.entries(self).sort((a,b)=>b[1]-a[1]).slice(0, 25)) console.log((v/1000).toFixed(0).padStart(7), k);
  console.log('--- by package/file');
  for (const [k, v] of Object.entries(byFile).sort((a,b)=>b[1]-a[1]).slice(0, 20)) console.log((v/1000).toFixed(0).padStart(7), k);
}
