import type { Command } from 'commander';
import { loadConfig } from '../../core/config.js';
import { openDatabase } from '../../db/connection.js';
import { migrate } from '../../db/migrate.js';
import { allMigrationSources } from '../../db/sources.js';
import { buildApp } from '../../server/app.js';
import { loadDemo, demoIsLoaded } from '../../demo/load.js';
import { DEMO_PASSWORD, demoAccounts } from '../../demo/accounts.js';
import { WEB_ROOT, buildWeb, webBuildIsStale } from '../web-build.js';
import { startScheduler } from '../../core/jobs/scheduler.js';
import { programs } from '../../programs/registry.js';

/** `bridges serve`: what `npm start` runs. Builds the web app if needed, migrates, loads the demo, serves. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Serve the API and web app (PORT, DATABASE_URL, BRIDGES_DATA_DIR, BRIDGES_DEMO)')
    .option('--build-if-missing', 'build the web app first when it is missing or older than its sources')
    .option('--no-demo', 'do not load the demo data even in demo mode')
    .action(async (options: { buildIfMissing?: boolean; demo: boolean }) => {
      const config = loadConfig();
      if (options.buildIfMissing && webBuildIsStale()) {
        console.log('Building the web app…');
        buildWeb();
      }
      const where = config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${config.dataDir}`;
      console.log(`Opening the database (${where})…`);
      const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      const applied = await migrate(db, allMigrationSources());
      if (applied.length) console.log(`Applied ${applied.length} migration(s).`);
      if (config.demoMode && options.demo && !(await demoIsLoaded(db))) {
        console.log('Loading the demo (Philadelphia shootings 2015–2023 and Sacramento January 2006; a few seconds)…');
        const summary = await loadDemo(db, { config, log: (line) => console.log(`  ${line}`) });
        console.log(`Demo loaded in ${(summary.milliseconds / 1000).toFixed(1)} s.`);
      }
      const app = await buildApp({ db, config, webRoot: WEB_ROOT, logger: process.env.BRIDGES_LOG === '1' });
      const scheduler = startScheduler(db, programs.flatMap((p) => p.jobs ?? []), { log: (line) => app.log.warn(line) });
      const close = async () => {
        await scheduler.stop();
        await app.close();
        await db.close();
        process.exit(0);
      };
      process.once('SIGINT', close);
      process.once('SIGTERM', close);
      await app.listen({ port: config.port, host: config.host });
      const url = `http://localhost:${config.port}`;
      console.log(`\nBridges is running at ${url}  (staff console: ${url}/console, API docs: ${url}/api/docs)`);
      if (config.demoMode) {
        console.log(`\nDemo staff sign-in (demo mode only): password "${DEMO_PASSWORD}" for every account below.`);
        console.log('Second factor: add the secret to an authenticator app, or print the current code with');
        console.log('  npx bridges demo code <username>');
        for (const account of demoAccounts) {
          console.log(`  ${account.username.padEnd(18)} ${account.roles.join(', ').padEnd(22)} ${account.agencySlug.padEnd(17)} TOTP secret ${account.totpSecret}`);
        }
      }
    });
}
