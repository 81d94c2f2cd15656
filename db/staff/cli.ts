// npm run staff:create | staff:set-password | staff:disable | staff:unlock | staff:reset-two-factor -- <options> (db/staff/commands.ts)
import { closeDatabase, prepareDatabase } from '@/db/client';
import { runStaffCommand } from '@/db/staff/commands';

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) console.error('Password (then Enter and Ctrl-D):');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(): Promise<number> {
  await prepareDatabase();
  return runStaffCommand(process.argv.slice(2), { readStdin, out: console.log, err: console.error });
}

main()
  .then(async (code) => {
    await closeDatabase();
    process.exitCode = code;
  })
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
