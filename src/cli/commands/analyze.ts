import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { withDatabase } from '../context.js';
import { MODEL_NAMES, KNOX_SHARDS } from '../../core/analysis/index.js';
import { ANALYSES, runAnalyze, type AnalysisKind, type OutputFormat } from '../analyze/run.js';
import type { SourceOptions } from '../analyze/source.js';

const FORMATS = ['table', 'json', 'csv', 'geojson'];

/** Options every analysis takes: where the incidents come from, which of them, and the output format. */
function sourceOptions(command: Command, withDates: boolean): Command {
  command
    .option('--agency <slug>', 'agency whose incidents to analyse (default: the first police agency)')
    .option('--category <codes>', 'only these categories, comma-separated (with --input: values of --category-column)')
    .option('--area <id>', 'only incidents in this area (database only)')
    .option('--input <file>', 'read incidents from a CSV file instead of the database')
    .option('--x <column>', 'CSV column of x or longitude', 'x')
    .option('--y <column>', 'CSV column of y or latitude', 'y')
    .option('--time <column>', 'CSV column of the date/time', 'time')
    .option('--crs <crs>', 'CSV coordinates: lonlat, projected (metres), EPSG:26971, EPSG:3857 or a proj4 string', 'lonlat')
    .option('--time-format <format>', 'CSV date format: tokens (DD/MM/YYYY, M/D/YYYY H:mm …) or iso', 'iso')
    .option('--category-column <column>', 'CSV column of the category')
    .option('--id-column <column>', 'with --input: CSV column identifying the incident; rows repeating an id count once (e.g. one row per victim)')
    .option('--study-area <file>', 'with --input: GeoJSON polygons (lon/lat) of the study area, e.g. city limits; cells touching it are analysed (default: the incidents\' bounding box)')
    .option('--format <format>', `output: ${FORMATS.join(', ')}`, 'table')
    .option('--threads <n>', `worker threads (default ${KNOX_SHARDS}: the Knox permutations run in ${KNOX_SHARDS} shards)`, String(Math.min(KNOX_SHARDS, Math.max(1, availableParallelism()))));
  if (withDates) command.option('--from <date>', 'incidents on or after this date').option('--to <date>', 'incidents before this date (exclusive)');
  return command;
}

const SOURCE_KEYS = ['agency', 'category', 'area', 'input', 'x', 'y', 'time', 'crs', 'timeFormat', 'categoryColumn', 'idColumn', 'studyArea', 'format', 'threads'];

function toDate(value: unknown, flag: string): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(String(value));
  if (Number.isNaN(date.getTime())) throw new Error(`${flag}: "${value}" is not a date (YYYY-MM-DD or ISO 8601)`);
  return date;
}

async function execute(kind: AnalysisKind, opts: Record<string, unknown>, datesFilterIncidents: boolean): Promise<void> {
  const format = String(opts.format) as OutputFormat;
  if (!FORMATS.includes(format)) throw new Error(`--format "${format}": use ${FORMATS.join(', ')}`);
  const threads = Number(opts.threads);
  if (!Number.isInteger(threads) || threads < 1 || threads > 64) throw new Error(`--threads "${opts.threads}": a whole number from 1 to 64`);
  const area = opts.area === undefined ? undefined : Number(opts.area);
  if (area !== undefined && !(Number.isInteger(area) && area > 0)) throw new Error(`--area "${opts.area}": an area id (see the console's Areas page)`);
  const source: SourceOptions = {
    agency: opts.agency as string | undefined,
    from: datesFilterIncidents ? toDate(opts.from, '--from') : undefined,
    to: datesFilterIncidents ? toDate(opts.to, '--to') : undefined,
    category: typeof opts.category === 'string' ? opts.category.split(',').map((c) => c.trim()).filter(Boolean) : undefined,
    area,
    input: opts.input as string | undefined,
    x: String(opts.x), y: String(opts.y), time: String(opts.time), crs: String(opts.crs), timeFormat: String(opts.timeFormat),
    categoryColumn: opts.categoryColumn as string | undefined,
    idColumn: opts.idColumn as string | undefined,
    studyArea: opts.studyArea as string | undefined,
  };
  const options = Object.fromEntries(Object.entries(opts).filter(([key]) => !SOURCE_KEYS.includes(key) && (!datesFilterIncidents || (key !== 'from' && key !== 'to'))));
  const write = (text: string) => process.stdout.write(`${text}\n`);
  const warn = (text: string) => process.stderr.write(`bridges: ${text}\n`);
  const run = { kind, source, options, format, threads, write, warn };
  if (source.input) await runAnalyze({ ...run, db: null });
  else await withDatabase((db) => runAnalyze({ ...run, db }));
}

/**
 * `bridges analyze <hotspots|gistar|near-repeat|forecast|backtest|compstat|wdq>`: the analyses of the
 * console from the command line, on the database or on a CSV file, as a table, JSON, CSV or GeoJSON.
 */
export function registerAnalyze(program: Command): void {
  const analyze = program.command('analyze').description(`Crime analysis on the agency's incidents or a CSV file: ${ANALYSES.join(', ')}`);

  sourceOptions(analyze.command('hotspots').description('Kernel density hot spots on a grid'), true)
    .option('--kernel <kernel>', 'quartic or gaussian', 'quartic')
    .option('--bandwidth <metres|rule>', 'quartic radius or Gaussian sd in metres, or silverman/scott', '400')
    .option('--cell <metres>', 'cell size', '150')
    .option('--top <share>', 'share of the cells to output, highest first (1 = all)')
    .action((opts) => execute('hotspots', opts, true));

  sourceOptions(analyze.command('gistar').description('Getis–Ord Gi* hot and cold spots (FDR-corrected)'), true)
    .option('--cell <metres>', 'cell size', '150')
    .option('--distance-band <metres>', "neighbourhood radius (default: where clustering peaks, Moran's I over 1–10 cells, else about 30 neighbours)")
    .option('--no-fdr', 'skip the false discovery rate correction')
    .option('--significant-only', 'output only hot and cold spot cells')
    .action((opts) => execute('gistar', opts, true));

  sourceOptions(analyze.command('near-repeat').description('Knox near-repeat test (as the Near Repeat Calculator)'), true)
    .option('--distance-bands <metres>', 'upper edges of the distance bands, equal steps', '100,200,300')
    .option('--time-bands <days>', 'upper edges of the time bands, equal steps', '2,4')
    .option('--iterations <n>', 'Monte Carlo permutations', '999')
    .option('--seed <n>', 'seed of the permutations', '1')
    .option('--metric <metric>', 'euclidean or manhattan', 'euclidean')
    .option('--nrc-compatible', "the Near Repeat Calculator's band boundaries (see src/analytics/near-repeat/bands.ts)")
    .action((opts) => execute('near-repeat', opts, true));

  sourceOptions(analyze.command('forecast').description('Where the next period’s incidents are most likely'), true)
    .option('--model <name>', `${MODEL_NAMES.join(', ')}`, 'bridges')
    .option('--cell <metres>', 'cell size', '150')
    .option('--horizon-days <days>', 'length of the forecast period', '7')
    .option('--train-days <days>', "history the model reads (default: the model's own)")
    .option('--at <date>', 'first day forecast (default: the day after the newest incident)')
    .option('--top <share>', 'share of the cells to output, highest first', '0.05')
    .action((opts) => execute('forecast', opts, true));

  sourceOptions(analyze.command('backtest').description('Rolling-origin backtest of forecast models (hit rate, PAI, PEI)'), false)
    .option('--model <names>', `comma-separated: ${MODEL_NAMES.join(', ')}`, 'retrospective,prospective,kde-decay,bridges')
    .option('--cell <metres>', 'cell size', '150')
    .option('--train-days <days>', 'training window', '365')
    .option('--horizon-days <days>', 'days scored after each origin (and between origins)', '7')
    .option('--from <date>', 'first forecast origin (default: 26 origins before the newest incident)')
    .option('--to <date>', 'last forecast origin')
    .option('--coverage <shares>', 'shares of the area at which hits are counted', '0.01,0.05,0.1')
    .option('--full-history', 'let long-memory models read more than --train-days')
    .action((opts) => execute('backtest', opts, false));

  sourceOptions(analyze.command('compstat').description('Last 7 days, 28 days and year to date against a year earlier'), false)
    .option('--date <date>', 'last day of the report (default: the day of the newest incident)')
    .option('--area-kind <kind>', 'area rows: district, neighborhood, beat … or none', 'district')
    .action((opts) => execute('compstat', opts, false));

  sourceOptions(analyze.command('wdq').description('Weighted displacement quotient of an intervention'), false)
    .option('--target <area>', 'target area: an area id or a GeoJSON file')
    .option('--buffer <area>', 'buffer: an area id, a GeoJSON file, or a width around the target such as 400m')
    .option('--control <area>', 'control area: an area id, a GeoJSON file, or rest (everything else)', 'rest')
    .option('--date <date>', 'intervention date: the first day of the "after" period')
    .option('--days <days>', 'length of the before and after periods', '365')
    .action((opts) => execute('wdq', opts, false));
}
