import type { Command } from 'commander';
import { withDatabase } from '../context.js';
import { verifyAuditChain } from '../../core/audit/audit.js';

/** `bridges audit verify`: recompute the audit hash chain; exit 1 if any row was altered or removed. */
export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('The tamper-evident audit log');
  audit.command('verify')
    .description('Recompute the hash chain over every row')
    .action(async () => {
      const result = await withDatabase((db) => verifyAuditChain(db));
      if (result.ok) {
        console.log(`Audit log intact: ${result.checked} rows verified.`);
      } else {
        console.error(`Audit log BROKEN at row ${result.brokenAt!.id}: ${result.brokenAt!.reason} (${result.checked} rows verified before it).`);
        process.exitCode = 1;
      }
    });
}
