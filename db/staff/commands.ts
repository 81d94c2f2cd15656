import { parseArgs } from 'node:util';
import { withTransaction } from '@/db/client';
import { createStaffUser, disableStaffUser, setStaffPassword, StaffChangeRejected, unlockStaffUser } from '@/db/queries/staff';
import { resetStaffTwoFactor } from '@/db/queries/two-factor';
import { hashPassword } from '@/lib/password-hash';
import { generateOneTimePassword, normalizeUsername, passwordProblem, usernameProblem } from '@/lib/staff-password';
import { isStaffRole, ROLES_WITH_CATEGORIES, STAFF_ROLES } from '@/lib/staff-roles';

// The staff:* commands (npm run staff:create, staff:set-password, staff:disable, staff:unlock, staff:reset-two-factor): accounts from the
// command line, for the first administrator and for scripts. There is no default account and no default password.
// Each change is one transaction with its audit row (actor `cli`). docs/decisions/0024-newsroom-accounts.md.

export type CommandIo = { readStdin: () => Promise<string>; out: (line: string) => void; err: (line: string) => void };

const USAGE = [
  'npm run staff:create -- --username <u> --name "<Họ tên>" --role <role> [--categories 17,29] [--password-stdin]',
  'npm run staff:set-password -- --username <u> [--password-stdin]',
  'npm run staff:disable -- --username <u>',
  'npm run staff:unlock -- --username <u>',
  'npm run staff:reset-two-factor -- --username <u>',
  `roles: ${STAFF_ROLES.join(', ')}`,
].join('\n');

class UsageError extends Error {}

/** The password piped in: one line, its line ending dropped (`printf '%s' pw |` and `echo pw |` both work). */
async function passwordFrom(io: CommandIo): Promise<string> {
  const text = await io.readStdin();
  return text.replace(/\r?\n$/, '');
}

function parse(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      categories: { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
    },
  });
  if (!values.username) throw new UsageError('--username is required');
  const username = normalizeUsername(values.username);
  const problem = usernameProblem(username);
  if (problem) throw new UsageError(problem);
  return { ...values, username };
}

/**
 * The password to set: from standard input (checked against the policy), or a one-time password printed once
 * that must be changed at the first sign-in. Returns null (after saying why) when the piped one is refused.
 */
async function choosePassword(io: CommandIo, fromStdin: boolean): Promise<{ password: string; oneTime: boolean } | null> {
  if (!fromStdin) return { password: generateOneTimePassword(), oneTime: true };
  const password = await passwordFrom(io);
  const problem = passwordProblem(password);
  if (problem) {
    io.err(`✗ ${problem} Nothing was changed.`);
    return null;
  }
  return { password, oneTime: false };
}

function parseCategories(raw: string | undefined): number[] {
  if (!raw) return [];
  const ids = raw.split(',').map((part) => part.trim());
  if (ids.some((id) => !/^[1-9]\d{0,9}$/.test(id))) throw new UsageError(`--categories must be category ids separated by commas, not "${raw}"`);
  return ids.map(Number);
}

const cli = { actor: 'cli', address: null };

async function create(argv: string[], io: CommandIo): Promise<number> {
  const args = parse(argv);
  if (!args.name?.trim()) throw new UsageError('--name is required');
  if (!args.role || !isStaffRole(args.role)) throw new UsageError(`--role must be one of ${STAFF_ROLES.join(', ')}`);
  const categoryIds = parseCategories(args.categories);
  if (categoryIds.length && !ROLES_WITH_CATEGORIES.includes(args.role)) throw new UsageError(`--categories is for ${ROLES_WITH_CATEGORIES.join(' and ')} only`);
  const chosen = await choosePassword(io, args['password-stdin']);
  if (!chosen) return 1;
  const passwordHash = await hashPassword(chosen.password);
  const user = { username: args.username, name: args.name.trim(), role: args.role, categoryIds, passwordHash, mustChangePassword: chosen.oneTime };
  await withTransaction((tx) => createStaffUser(tx, user, cli));
  io.out(`✓ created ${args.username} (${args.role}${categoryIds.length ? `, categories ${categoryIds.join(', ')}` : ''})`);
  if (chosen.oneTime) printOneTime(io, chosen.password);
  return 0;
}

function printOneTime(io: CommandIo, password: string) {
  io.out(`One-time password (shown once; it must be changed at the first sign-in): ${password}`);
}

async function setPassword(argv: string[], io: CommandIo): Promise<number> {
  const args = parse(argv);
  const chosen = await choosePassword(io, args['password-stdin']);
  if (!chosen) return 1;
  const passwordHash = await hashPassword(chosen.password);
  await withTransaction((tx) => setStaffPassword(tx, { username: args.username, passwordHash, mustChangePassword: chosen.oneTime }, cli));
  io.out(`✓ password of ${args.username} set; all of its sessions are signed out`);
  if (chosen.oneTime) printOneTime(io, chosen.password);
  return 0;
}

async function disable(argv: string[], io: CommandIo): Promise<number> {
  const { username } = parse(argv);
  await withTransaction((tx) => disableStaffUser(tx, username, cli));
  io.out(`✓ ${username} disabled; all of its sessions are signed out`);
  return 0;
}

async function unlock(argv: string[], io: CommandIo): Promise<number> {
  const { username } = parse(argv);
  await withTransaction((tx) => unlockStaffUser(tx, username, cli));
  io.out(`✓ ${username} unlocked`);
  return 0;
}

/** For a user who lost their phone and backup codes (an administrator included): they enrol again at sign-in. */
async function resetTwoFactor(argv: string[], io: CommandIo): Promise<number> {
  const { username } = parse(argv);
  await withTransaction((tx) => resetStaffTwoFactor(tx, username, cli));
  io.out(`✓ two-factor sign-in of ${username} reset (secret and backup codes removed); all of its sessions are signed out`);
  return 0;
}

const COMMANDS = { create, 'set-password': setPassword, disable, unlock, 'reset-two-factor': resetTwoFactor } as const;

/** Runs one staff command; returns the exit code (0 done, 1 refused: nothing changed, 2 wrong usage). */
export async function runStaffCommand(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  const command = COMMANDS[name as keyof typeof COMMANDS];
  try {
    if (!command) throw new UsageError(`unknown command "${name ?? ''}"`);
    return await command(rest, io);
  } catch (error) {
    if (error instanceof StaffChangeRejected) {
      io.err(`✗ ${error.message}. Nothing was changed.`);
      return 1;
    }
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`✗ ${(error as Error).message}\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}
