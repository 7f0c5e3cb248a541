import { Command } from 'commander';
import { registerServe } from './commands/serve.js';
import { registerDemo } from './commands/demo.js';
import { registerAudit } from './commands/audit.js';
import { registerUsers } from './commands/users.js';
import { registerImport } from './commands/import.js';
import { registerAnalyze } from './commands/analyze.js';

/**
 * `bridges` — one command per job a department does; each command file registers itself here.
 * Commands print what they did and exit non-zero with a clear message when something is wrong.
 */
const program = new Command('bridges').description('Bridges community policing platform').showHelpAfterError();

registerServe(program);
registerDemo(program);
registerAudit(program);
registerUsers(program);
registerImport(program);
registerAnalyze(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`bridges: ${message}\n`);
  process.exit(1);
});
