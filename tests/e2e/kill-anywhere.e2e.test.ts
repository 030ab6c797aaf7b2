// Chromium killed with SIGKILL at 20 random moments while, in three tabs at once, a candidate
// works through a mock exam and a practice set and a committee member checks people in. After
// each restart on the same profile, IndexedDB is read directly: every write the screen confirmed
// before the kill is stored, nothing is stored twice, and each screen reopens where it was. The
// one write of each tab in flight at the kill may or may not have landed, but only whole.
// Now and then Chromium, restarting, deletes the whole database it finds damaged (its own
// recovery; no page can prevent it): the app must then say so, and that kill is not counted.
//
// The kill moments and the drivers' choices come from a seed printed at the start: repeat a
// failure with KILL_SEED=<seed> npx tsx scripts/e2e.ts tests/e2e/kill-anywhere.e2e.test.ts.
// Timing still varies from run to run, so a repeat lands near, not exactly on, the same moments.
// While investigating: KILL_ONLY=<flow name start> runs one flow, KILL_ROUNDS=<n> sets the number
// of kills, KILL_VERBOSE=1 prints each write and how long its confirmation took.
import { expect, inject, it } from 'vitest';
import { hashString, newSeed, randomFrom } from '../../src/lib/random';
import { killRounds } from './kill-model';
import { examFlow } from './kill-exam';
import { practiceFlow } from './kill-practice';
import { checkInFlow } from './kill-check-in';

const baseURL = inject('baseURL');
const SEED = Number(process.env.KILL_SEED) || newSeed();
const KILLS = Number(process.env.KILL_ROUNDS) || 20;

it(`keeps every confirmed write of an exam, a practice set and a check-in, once, through ${KILLS} SIGKILLs`, async () => {
  console.log(`kill-anywhere seed ${SEED} (repeat with KILL_SEED=${SEED})`);
  /** One random stream per flow, so each repeats on its own; another for the kill moments. */
  const stream = (name: string) => randomFrom(SEED ^ hashString(name));
  const flows = [
    examFlow(baseURL, stream('exam'), SEED),
    practiceFlow(baseURL, stream('practice'), SEED),
    checkInFlow(baseURL, stream('check-in'), SEED),
  ].filter((f) => !process.env.KILL_ONLY || f.name.startsWith(process.env.KILL_ONLY));
  const kill = stream('kill');
  const started = Date.now();
  // Each kill comes 0.15 to 2 s after the tabs start writing.
  const { counts, cleared } = await killRounds(baseURL, flows, KILLS, () => 150 + Math.floor(kill() * 1850));
  console.log(
    `kill-anywhere: ${KILLS} kills verified in ${Math.round((Date.now() - started) / 1000)} s` +
      ` (and ${cleared} after which Chromium cleared the database); writes confirmed: ` +
      flows.map((f, i) => `${f.name} ${counts[i]}`).join(', '),
  );
  // Each flow really wrote in most rounds (a round can end before its first confirmation).
  for (const c of counts) expect(c).toBeGreaterThan(KILLS);
}, 420_000);
