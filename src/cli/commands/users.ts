import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import type { AuditActor } from '../../core/audit/audit.js';
import { permissionCatalogue } from '../../core/people/catalogue.js';
import { AGENCY_KINDS, createAgencyWithDefaultRoles, getAgencyBySlug, listAgencies, type AgencyKind } from '../../core/people/agencies.js';
import { generatePassword, passwordProblem } from '../../core/people/passwords.js';
import { createUser, getUserByUsername, listUsers, resetMfa, setPassword, unlockUser } from '../../core/people/users.js';
import { programs } from '../../programs/registry.js';
import { withDatabase } from '../context.js';

// Changes made from the command line are audited as 'cli': whoever holds the server's shell and database.
const CLI_ACTOR: AuditActor = { label: 'cli' };

const collect = (value: string, previous: string[]) => [...previous, value];

/** Asks for a password on the terminal without echoing it. */
async function promptHidden(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  process.stdout.write(question);
  // readline echoes typed characters through this (undocumented but long-stable) hook; silence it.
  (rl as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = () => undefined;
  const answer = await new Promise<string>((resolve) => rl.question('', resolve));
  rl.close();
  process.stdout.write('\n');
  return answer;
}

/**
 * The password for a new account: --password, else typed at a terminal (twice), else generated. A
 * generated one is printed once, to hand over in person; the user still needs their own second factor.
 */
async function choosePassword(given: string | undefined, username: string): Promise<{ password: string; generated: boolean }> {
  if (given !== undefined) return { password: given, generated: false };
  if (process.stdin.isTTY) {
    const typed = await promptHidden('Password (leave empty to generate one): ');
    if (typed) {
      const problem = passwordProblem(typed, username);
      if (problem) throw new Error(problem);
      if ((await promptHidden('Same password again: ')) !== typed) throw new Error('The two passwords differ; nothing was created.');
      return { password: typed, generated: false };
    }
  }
  return { password: generatePassword(), generated: true };
}

const formatDate = (date: Date | null) => (date ? date.toISOString().replace('T', ' ').slice(0, 16) : '');

/** `bridges users …` and `bridges agencies …`: account administration without the web console. */
export function registerUsers(program: Command): void {
  const users = program.command('users').description('Staff accounts: list, create, unlock, reset MFA, set a password');

  users.command('list')
    .description('List accounts with their agency, roles, MFA and lock state')
    .option('--agency <slug>', 'only this agency')
    .action(async (options: { agency?: string }) => {
      await withDatabase(async (db) => {
        const agencies = await listAgencies(db);
        const slugById = new Map(agencies.map((a) => [a.id, a.slug]));
        const agencyId = options.agency ? (await getAgencyBySlug(db, options.agency)).id : undefined;
        const rows = await listUsers(db, { agencyId });
        if (rows.length === 0) return console.log('No accounts.');
        console.log(`${'USERNAME'.padEnd(22)} ${'AGENCY'.padEnd(18)} ${'STATUS'.padEnd(9)} ${'MFA'.padEnd(4)} ${'LOCKED UNTIL'.padEnd(17)} ROLES`);
        for (const u of rows) {
          const locked = u.lockedUntil && u.lockedUntil.getTime() > Date.now() ? formatDate(u.lockedUntil) : '';
          console.log(`${u.username.padEnd(22)} ${(slugById.get(u.agencyId) ?? '?').padEnd(18)} ${u.status.padEnd(9)} ${(u.mfaEnrolled ? 'yes' : 'no').padEnd(4)} ${locked.padEnd(17)} ${u.roles.map((r) => r.name).join(', ')}${u.isDemo ? '  (demo)' : ''}`);
        }
      });
    });

  users.command('create')
    .description('Create an account; the user sets up their authenticator app at the first sign-in')
    .requiredOption('--agency <slug>', 'agency the account belongs to')
    .requiredOption('--username <username>', 'sign-in name')
    .requiredOption('--name <displayName>', 'name shown to colleagues')
    .option('--role <role>', 'role name in that agency (repeat for several)', collect, [] as string[])
    .option('--email <email>', 'email address')
    .option('--password <password>', 'initial password (otherwise typed at the prompt or generated)')
    .action(async (options: { agency: string; username: string; name: string; role: string[]; email?: string; password?: string }) => {
      const { password, generated } = await choosePassword(options.password, options.username);
      await withDatabase(async (db) => {
        const agency = await getAgencyBySlug(db, options.agency);
        const user = await db.transaction((tx) => createUser(tx, {
          agencyId: agency.id, username: options.username, displayName: options.name, email: options.email, password, roleNames: options.role,
        }, CLI_ACTOR));
        console.log(`Created ${user.username} in ${agency.slug} with role(s): ${user.roles.map((r) => r.name).join(', ') || 'none (no permissions yet)'}.`);
        if (generated) console.log(`Password: ${password}\n(Shown only now. The user enrols an authenticator app at the first sign-in.)`);
      });
    });

  users.command('unlock <username>')
    .description('Lift the lock after too many failed sign-ins')
    .action(async (username: string) => {
      await withDatabase(async (db) => {
        const user = await getUserByUsername(db, username);
        await db.transaction((tx) => unlockUser(tx, user.id, CLI_ACTOR));
        console.log(`Unlocked ${user.username}.`);
      });
    });

  users.command('reset-mfa <username>')
    .description('Forget the authenticator app (lost phone); the user enrols again at the next sign-in')
    .action(async (username: string) => {
      await withDatabase(async (db) => {
        const user = await getUserByUsername(db, username);
        await db.transaction((tx) => resetMfa(tx, user.id, CLI_ACTOR));
        console.log(`MFA reset for ${user.username}; their sessions were ended and they enrol again at the next sign-in.`);
      });
    });

  users.command('set-password <username>')
    .description('Set a new password (typed, given or generated); ends the user\'s sessions')
    .option('--password <password>', 'the new password')
    .action(async (username: string, options: { password?: string }) => {
      const { password, generated } = await choosePassword(options.password, username);
      await withDatabase(async (db) => {
        const user = await getUserByUsername(db, username);
        await db.transaction((tx) => setPassword(tx, user.id, password, CLI_ACTOR));
        console.log(`New password set for ${user.username}.${generated ? `\nPassword: ${password}  (shown only now)` : ''}`);
      });
    });

  const agencies = program.command('agencies').description('Agencies: the department and its partners');

  agencies.command('list')
    .description('List agencies')
    .action(async () => {
      await withDatabase(async (db) => {
        const rows = await listAgencies(db);
        if (rows.length === 0) return console.log('No agencies yet. Create one with: bridges agencies create --help');
        console.log(`${'SLUG'.padEnd(20)} ${'KIND'.padEnd(15)} ${'TIME ZONE'.padEnd(22)} NAME`);
        for (const a of rows) console.log(`${a.slug.padEnd(20)} ${a.kind.padEnd(15)} ${a.timeZone.padEnd(22)} ${a.name}${a.isDemo ? '  (demo)' : ''}`);
      });
    });

  agencies.command('create')
    .description('Create an agency with the default roles (administrator, command, analyst, officer, …)')
    .requiredOption('--slug <slug>', 'URL-safe id: lower-case letters, digits, dashes')
    .requiredOption('--name <name>', 'full name')
    .requiredOption('--time-zone <zone>', 'IANA time zone, e.g. America/New_York')
    .requiredOption('--lon <lon>', 'longitude of the map centre', Number)
    .requiredOption('--lat <lat>', 'latitude of the map centre', Number)
    .option('--kind <kind>', `one of ${AGENCY_KINDS.join(', ')}`, 'police')
    .action(async (options: { slug: string; name: string; timeZone: string; lon: number; lat: number; kind: string }) => {
      if (!(AGENCY_KINDS as readonly string[]).includes(options.kind)) throw new Error(`--kind must be one of ${AGENCY_KINDS.join(', ')}`);
      await withDatabase(async (db) => {
        const { agency, roles } = await db.transaction((tx) => createAgencyWithDefaultRoles(tx, {
          slug: options.slug, name: options.name, kind: options.kind as AgencyKind, timeZone: options.timeZone,
          centerLon: options.lon, centerLat: options.lat,
        }, permissionCatalogue(programs), CLI_ACTOR));
        console.log(`Created ${agency.slug} (${agency.name}) with roles: ${roles.map((r) => r.name).join(', ')}.`);
      });
    });
}
