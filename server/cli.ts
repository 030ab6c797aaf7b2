// npm run server -- <command>: administers the chapter server's data in DATA_DIR (data/).
// It works while the server runs (SQLite in WAL mode); a device revoked here is disconnected
// by the running server within a few seconds.
import { parseArgs } from 'node:util';
import { joinLink } from './api.ts';
import { configFromEnv, linkBase } from './config.ts';
import { isRole, ROLES, Store } from './store.ts';

const USAGE = `Usage: npm run server -- <command>
  init --chapter <name> --name <admin name> --email <email>   set the chapter up; prints the admin's invite link
  invite --role ${ROLES.join('|')} --email <email> [--name <name>]   prints a one-time invite link (7 days)
  roles --email <email> --role <role>[,<role>...]              sets a person's roles (next connection)
  devices                                                      lists every device
  revoke <deviceId>                                            signs a device out for good
  backup <file>                                                writes a consistent copy of the database
Environment: DATA_DIR (default data/), PUBLIC_URL or PORT (the start of links).`;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const when = (ms: number | null) => (ms === null ? '-' : new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z'));

export async function runCli(argv: string[], out: (line: string) => void = console.log): Promise<number> {
  const [command, ...rest] = argv;
  const fail = (message: string) => {
    out(message);
    return 1;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        chapter: { type: 'string' },
        name: { type: 'string' },
        email: { type: 'string' },
        role: { type: 'string' },
      },
    });
  } catch (error) {
    return fail(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (!command || command === 'help' || command === '--help') {
    out(USAGE);
    return command ? 0 : 1;
  }
  const config = configFromEnv();
  const base = linkBase(config);
  const store = new Store(config.dataDir);
  try {
    switch (command) {
      case 'init': {
        const chapter = values.chapter?.trim();
        const name = values.name?.trim();
        const email = values.email?.trim();
        if (!chapter || !name || !email) return fail('init needs --chapter, --name and --email.\n\n' + USAGE);
        if (!EMAIL.test(email)) return fail(`"${email}" is not an email address.`);
        const { code, expiresAt } = store.init({ chapter, name, email });
        out(
          `Chapter "${chapter}" is set up. ${name} (${email}) signs in as admin with this one-time link (valid until ${when(expiresAt)}):`,
        );
        out(joinLink(base, code));
        return 0;
      }
      case 'invite': {
        const role = values.role ?? 'member';
        const email = values.email?.trim();
        if (!store.chapterName()) return fail('Set the chapter up first: npm run server -- init ...');
        if (!isRole(role)) return fail(`--role must be one of ${ROLES.join(', ')}.`);
        if (!email || !EMAIL.test(email)) return fail('invite needs --email <email address>.');
        const { code, expiresAt } = store.createInvite({ role, email, name: values.name?.trim() || undefined });
        out(`One-time invite for ${email} as ${role}, valid until ${when(expiresAt)}:`);
        out(joinLink(base, code));
        return 0;
      }
      case 'roles': {
        const email = values.email?.trim();
        const roles = (values.role ?? '').split(',').map((r) => r.trim());
        if (!email || !values.role) return fail('roles needs --email and --role (e.g. --role member,committee).');
        const bad = roles.find((r) => !isRole(r));
        if (bad !== undefined) return fail(`"${bad}" is not a role: use ${ROLES.join(', ')}.`);
        const found = store.personByEmail(email);
        if (!found) return fail(`Nobody with the email ${email} has signed in yet (invite them first).`);
        store.setRoles(found.id, roles.filter(isRole));
        out(
          `${found.name} (${found.email}) now has the roles ${store.person(found.id)?.roles.join(', ')}: their devices get them on their next connection.`,
        );
        return 0;
      }
      case 'devices': {
        const devices = store.allDevices();
        if (devices.length === 0) out('No devices yet.');
        for (const d of devices)
          out(
            [
              d.id,
              d.name,
              d.email,
              d.label,
              `added ${when(d.createdAt)}`,
              `seen ${when(d.lastSeenAt)}`,
              d.revokedAt === null ? 'active' : `revoked ${when(d.revokedAt)}`,
            ].join('  '),
          );
        return 0;
      }
      case 'revoke': {
        const id = positionals[0];
        if (!id) return fail('revoke needs a device id (see: npm run server -- devices).');
        if (!store.device(id)) return fail(`There is no device ${id}.`);
        if (!store.revokeDevice(id)) return fail(`Device ${id} was already revoked.`);
        out(`Device ${id} is revoked: a running server disconnects it within seconds and refuses it from now on.`);
        return 0;
      }
      case 'backup': {
        const file = positionals[0];
        if (!file)
          return fail('backup needs a file name, e.g. npm run server -- backup backups/clm-study-2026-12-01.sqlite');
        await store.backup(file);
        out(`Backed up ${store.file} to ${file}.`);
        return 0;
      }
      default:
        return fail(`Unknown command "${command}".\n\n${USAGE}`);
    }
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  } finally {
    store.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await runCli(process.argv.slice(2));
