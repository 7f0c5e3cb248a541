import type { Command } from 'commander';
import * as OTPAuth from 'otpauth';
import { withDatabase } from '../context.js';
import { loadDemo } from '../../demo/load.js';
import { demoAccounts } from '../../demo/accounts.js';

/** `bridges demo load` and `bridges demo code <username>` (the current TOTP code of a demo account). */
export function registerDemo(program: Command): void {
  const demo = program.command('demo').description('The demo city (real public data) and its demo accounts');

  demo.command('load')
    .description('Load the demo agencies, areas, incidents, accounts and program content (idempotent)')
    .action(async () => {
      await withDatabase(async (db, config) => {
        const summary = await loadDemo(db, { config, log: (line) => console.log(line) });
        console.log(`Demo loaded in ${(summary.milliseconds / 1000).toFixed(1)} s.`);
      });
    });

  demo.command('code <username>')
    .description("Print the current sign-in code of a demo account (what an authenticator app would show)")
    .action((username: string) => {
      const account = demoAccounts.find((a) => a.username === username);
      if (!account) throw new Error(`"${username}" is not a demo account; demo accounts are ${demoAccounts.map((a) => a.username).join(', ')}`);
      const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(account.totpSecret), digits: 6, period: 30, algorithm: 'SHA1' });
      const secondsLeft = 30 - (Math.floor(Date.now() / 1000) % 30);
      console.log(`${totp.generate()}  (valid for ${secondsLeft} more seconds)`);
    });
}
