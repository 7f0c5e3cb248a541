import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import type { Db, Queryable } from '../../db/types.js';
import type { AuditActor } from '../../core/audit/audit.js';
import { importIncidents, listPresets, type ImportOptions, type ImportSummary } from '../../core/incidents/import/index.js';
import { programEventBus } from '../../programs/bus.js';
import { importAreas, AREA_KINDS, type AreaKind } from '../../core/places/index.js';
import { withDatabase } from '../context.js';

const CLI_ACTOR: AuditActor = { label: 'cli' };

const collect = (value: string, previous: string[]) => [...previous, value];

/** --map COLUMN=FIELD entries → { COLUMN: FIELD }; the column may itself contain '=' only before the last one. */
export function parseMapEntries(entries: readonly string[]): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const entry of entries) {
    const at = entry.lastIndexOf('=');
    if (at <= 0 || at === entry.length - 1) throw new Error(`--map "${entry}": write COLUMN=FIELD, e.g. --map "Case Number=source_id"`);
    mapping[entry.slice(0, at).trim()] = entry.slice(at + 1).trim();
  }
  return mapping;
}

/** The agency named by --agency, else the first police agency. */
async function resolveAgency(q: Queryable, slug: string | undefined): Promise<{ id: number; slug: string }> {
  const rows = slug
    ? await q.query<{ id: number; slug: string }>('SELECT id, slug FROM agencies WHERE slug = $1', [slug])
    : await q.query<{ id: number; slug: string }>("SELECT id, slug FROM agencies WHERE kind = 'police' ORDER BY id LIMIT 1");
  if (!rows[0]) throw new Error(slug ? `no agency with slug "${slug}"` : 'no police agency exists yet: create one first (or load the demo)');
  return rows[0];
}

/** What the command line states about an incident import (everything but the database, actor and events). */
export type CliIncidentImport = Omit<ImportOptions, 'db' | 'agencyId' | 'actor' | 'events'> & { agency?: string };

/**
 * The work of `bridges import incidents`: no server runs, so the programs' event handlers are subscribed here,
 * in this process, and each committed batch is announced to them as the server's upload route does. A recent
 * shooting in the file opens its walk and records its I-CAP alert (a server process on the same PostgreSQL
 * lists the alert; only its live push reaches the server's own browsers).
 */
export async function importIncidentsFromCli(db: Db, options: CliIncidentImport): Promise<{ summary: ImportSummary; agencySlug: string }> {
  const { agency: slug, ...rest } = options;
  const agency = await resolveAgency(db, slug);
  const events = programEventBus((event, error) => console.error(`${event}: a program's handler failed: ${error instanceof Error ? error.message : String(error)}`));
  const summary = await importIncidents({ ...rest, db, agencyId: agency.id, actor: CLI_ACTOR, events });
  return { summary, agencySlug: agency.slug };
}

function printSummary(summary: ImportSummary, agencySlug: string): void {
  const seconds = (summary.milliseconds / 1000).toFixed(1);
  console.log(`Imported ${summary.file} into ${agencySlug} (${summary.sourceSystem}${summary.preset ? `, preset ${summary.preset}` : ''}) in ${seconds} s:`);
  console.log(`  read ${summary.read}, inserted ${summary.inserted}, updated ${summary.updated}, unchanged ${summary.unchanged}, rejected ${summary.rejected}` +
    (summary.merged > 0 ? `, merged ${summary.merged} rows into their incidents` : ''));
  if (summary.rejectsPath) {
    console.log(`  rejected rows are listed in ${summary.rejectsPath}; the first ones:`);
    for (const reject of summary.rejects.slice(0, 5)) console.log(`    line ${reject.line}: ${reject.reason}`);
  }
  // Every row far from the agency: almost always another city's file imported into the default agency.
  if (summary.read > 0 && summary.rejected === summary.read && summary.rejects.every((r) => r.reason.includes('from the agency centre'))) {
    console.log(`  Every row lies far from ${agencySlug}. Import it into the agency it belongs to: create one with`);
    console.log('    npx bridges agencies create --slug SLUG --name NAME --time-zone ZONE --lon LON --lat LAT');
    console.log('  then run the import again with --agency SLUG.');
  }
}

/**
 * `bridges import incidents FILE`, `bridges import areas FILE` and `bridges import presets`.
 * Ctrl-C stops an import cleanly: the batch in progress is rolled back, committed batches stay.
 */
export function registerImport(program: Command): void {
  const command = program.command('import').description('Import incidents and areas from files');

  command.command('incidents <file>')
    .description('Import incidents from a CSV or GeoJSON file (a batch per transaction; re-running changes nothing)')
    .option('--preset <name>', `column layout, formats and categories of a known export (${listPresets().map((p) => p.name).join(', ')})`)
    .option('--map <column=field>', 'map a column to a field (repeatable): source_id, occurred_at, time, lon, lat, x, y, offense_code, offense_text, category, address, victim_count, fatal_count, attributes.NAME', collect, [])
    .option('--date-format <format>', 'tokens YYYY YY M MM D DD H HH h hh mm ss A, or iso (e.g. "MM/DD/YYYY HH:mm")')
    .option('--time-zone <zone>', "IANA zone of the file's local times (e.g. America/Chicago)")
    .option('--crs <crs>', 'coordinate system of x/y: lonlat, EPSG:26971, EPSG:3857 or a proj4 string')
    .option('--source-system <name>', 'name of the source system (with the source id it makes re-imports idempotent)')
    .option('--category <code>', 'one category for every row (e.g. burglary)')
    .option('--encoding <encoding>', 'utf8 (default) or latin1')
    .option('--rejects <path>', 'where to list rejected rows (default rejects-<timestamp>.csv here)')
    .option('--batch-size <rows>', 'rows per transaction', (v) => Number(v), 5000)
    .option('--agency <slug>', 'agency to import into (default: the first police agency)')
    .action(async (file: string, opts: { preset?: string; map: string[]; dateFormat?: string; timeZone?: string; crs?: string; sourceSystem?: string; category?: string; encoding?: string; rejects?: string; batchSize: number; agency?: string }) => {
      const mapping = parseMapEntries(opts.map);
      await withDatabase(async (db) => {
        const controller = new AbortController();
        const onSigint = () => {
          if (controller.signal.aborted) process.exit(130);
          process.stderr.write('\nStopping after rolling back the batch in progress (Ctrl-C again to quit at once)…\n');
          controller.abort();
        };
        process.on('SIGINT', onSigint);
        // A progress bar only on a terminal: piped or logged output gets the summary alone.
        const bar = process.stderr.isTTY
          ? new cliProgress.SingleBar({ stream: process.stderr, format: 'importing {bar} {percentage}% | {rows} rows | ETA {eta_formatted}', hideCursor: true }, cliProgress.Presets.shades_classic)
          : null;
        try {
          bar?.start(100, 0, { rows: 0 });
          const { summary, agencySlug } = await importIncidentsFromCli(db, {
            agency: opts.agency, file, preset: opts.preset, mapping, dateFormat: opts.dateFormat, timeZone: opts.timeZone,
            crs: opts.crs, sourceSystem: opts.sourceSystem, category: opts.category, encoding: opts.encoding,
            rejectsPath: opts.rejects, batchSize: opts.batchSize, signal: controller.signal,
            onProgress: (p) => bar?.update(p.totalBytes > 0 ? Math.floor((100 * p.bytesRead) / p.totalBytes) : 100, { rows: p.rowsRead }),
          });
          bar?.update(100);
          bar?.stop();
          printSummary(summary, agencySlug);
        } finally {
          bar?.stop();
          process.off('SIGINT', onSigint);
        }
      });
    });

  command.command('areas <file>')
    .description('Import areas (GeoJSON Polygon/MultiPolygon features), upserted by kind and name; recomputes memberships')
    .requiredOption('--kind <kind>', `area kind: ${AREA_KINDS.join(', ')}`)
    .requiredOption('--name-field <field>', 'feature property holding the area name')
    .option('--code-field <field>', 'feature property holding a short code')
    .option('--agency <slug>', 'agency the areas belong to (default: the first police agency)')
    .action(async (file: string, opts: { kind: string; nameField: string; codeField?: string; agency?: string }) => {
      if (!(AREA_KINDS as readonly string[]).includes(opts.kind)) throw new Error(`--kind "${opts.kind}": kinds are ${AREA_KINDS.join(', ')}`);
      await withDatabase(async (db) => {
        const agency = await resolveAgency(db, opts.agency);
        const summary = await importAreas({ db, agencyId: agency.id, file, kind: opts.kind as AreaKind, nameField: opts.nameField, codeField: opts.codeField, actor: CLI_ACTOR });
        console.log(`Imported ${opts.kind} areas into ${agency.slug}: read ${summary.read}, inserted ${summary.inserted}, updated ${summary.updated}, unchanged ${summary.unchanged}, rejected ${summary.rejected}; ${summary.incidentsUpdated} incidents changed areas.`);
        for (const reject of summary.rejects.slice(0, 10)) console.log(`  feature at line ${reject.line}: ${reject.reason}`);
      });
    });

  command.command('presets')
    .description('List the import presets')
    .action(() => {
      for (const preset of listPresets()) console.log(`${preset.name.padEnd(24)} ${preset.description}`);
    });
}
