// Writes a content folder with the real program, areas and sessions and a generated bank of N
// questions spread over every competency: the input of the benchmarks.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileContent } from '../../src/content/compile.ts';
import { readContentDirs } from '../../src/content/load.ts';

const WORDS =
  'budget trust ledger payroll overtime lease vendor backup policy client matter partner invoice retention audit accrual deposit safety training conflict meeting records insurance network contract billing review'.split(
    ' ',
  );

export function generateBank(dir: string, count: number): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync('content/program.md', join(dir, 'program.md'));
  cpSync('content/areas', join(dir, 'areas'), { recursive: true });
  cpSync('content/sessions', join(dir, 'sessions'), { recursive: true });
  const { content } = compileContent(readContentDirs(['content']));
  const comps = content!.index.areas.flatMap((a) =>
    a.subareas.flatMap((s) => s.competencies.map((c) => ({ area: a.id, id: c.id }))),
  );
  const perFile = 100;
  let n = 0;
  for (let file = 0; n < count; file++) {
    const comp = comps[file % comps.length]!;
    const parts = [`---\narea: ${comp.area}\ncompetency: ${comp.id}\n---\n`];
    for (let k = 0; k < perFile && n < count; k++, n++) {
      const w = (i: number) => WORDS[(n * 7 + i * 13) % WORDS.length];
      const multi = n % 8 === 0;
      parts.push(
        `## bench-${n}\n\nQuestion ${n}: which ${w(1)} rule applies to the ${w(2)} of a ${w(3)} in a firm of ${20 + (n % 30)} lawyers?${multi ? ' Choose all that apply.' : ''}\n\n` +
          // Every option carries its rationale, as rewritten questions do (content/README.md).
          `- [x] The ${w(4)} rule for ${w(5)}\n  > The ${w(4)} rule is the one written for ${w(5)}.\n` +
          `- [${multi ? 'x' : ' '}] The ${w(6)} rule for ${w(7)}\n  > The ${w(6)} rule ${multi ? 'also covers' : 'covers only'} ${w(7)}.\n` +
          `- [ ] The ${w(8)} rule for ${w(9)}\n  > The ${w(8)} rule concerns ${w(9)}, not ${w(2)}.\n` +
          `- [ ] The ${w(10)} rule for ${w(11)}\n  > The ${w(10)} rule is about ${w(11)} in a ${w(3)}.\n\n` +
          `> The ${w(4)} rule governs ${w(5)} because the ${w(12)} and ${w(13)} must agree; the others apply to ${w(14)}.\n\n` +
          `Reference: Benchmark source ${n}\nDifficulty: ${1 + (n % 3)}\n`,
      );
    }
    mkdirSync(join(dir, 'questions', comp.area), { recursive: true });
    writeFileSync(join(dir, 'questions', comp.area, `bench-${file}.md`), parts.join('\n'));
  }
}

if (process.argv[1]?.endsWith('generate-bank.ts')) {
  generateBank(process.argv[2] ?? '.cache/bench-content', Number(process.argv[3] ?? 10000));
}
