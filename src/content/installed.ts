// The session packs installed on this device, merged into the content the screens read
// (runtime.ts): their sessions, material, questions and places. Read from IndexedDB once, and
// again after a pack is installed or removed; the database code loads only when the app's
// database exists, so a first visit never loads it. Before they are read, and in prerendering,
// there are none: a pack's session appears a moment after the built-in ones.
import { useEffect, useSyncExternalStore } from 'react';
import type { Counts, Question, QuestionPlace, SessionMaterial, SessionMeta } from './types';
import type { PackRecord } from '../db/db';
import { databaseExists } from '../db/presence';

export interface Installed {
  packs: PackRecord[];
  sessions: SessionMeta[];
  materials: ReadonlyMap<string, SessionMaterial>;
  questionsByArea: Readonly<Record<string, Question[]>>;
  places: QuestionPlace[];
}

const NONE: Installed = { packs: [], sessions: [], materials: new Map(), questionsByArea: {}, places: [] };

let state = NONE;
let ready: Promise<void> | undefined;
const listeners = new Set<() => void>();

export function installed(): Installed {
  return state;
}

export function gather(packs: PackRecord[]): Installed {
  if (packs.length === 0) return NONE;
  const questionsByArea: Record<string, Question[]> = {};
  for (const p of packs) for (const q of p.compiled.questions) (questionsByArea[q.area] ??= []).push(q);
  return {
    packs,
    sessions: packs.map((p) => p.compiled.session).sort((a, b) => (a.date + a.start).localeCompare(b.date + b.start)),
    materials: new Map(packs.map((p) => [p.compiled.session.id, p.compiled.material])),
    questionsByArea,
    places: packs.flatMap((p) =>
      p.compiled.questions.map((q) => ({ id: q.id, area: q.area, subarea: q.subarea, competency: q.competency })),
    ),
  };
}

/** Reads the installed packs again (after an install or a removal) and tells the screens. */
export async function refreshInstalled(): Promise<void> {
  if (!(await databaseExists())) return;
  const { readPacks } = await import('../db/packs');
  state = gather(await readPacks());
  for (const l of listeners) l();
}

/** Resolves once the installed packs have been read (never rejects: no packs is a state). */
export function packsReady(): Promise<void> {
  ready ??= refreshInstalled().catch(() => undefined);
  return ready;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The installed packs, read live: the screen renders again when one is installed or removed. */
export function useInstalled(): Installed {
  useEffect(() => void packsReady(), []);
  return useSyncExternalStore(subscribe, installed, () => NONE);
}

/** Built-in counts plus the installed packs' questions. */
export function withPacks(counts: Counts, packs: Installed): Counts {
  if (packs.places.length === 0) return counts;
  const out: Counts = {
    byArea: { ...counts.byArea },
    bySubarea: { ...counts.bySubarea },
    byCompetency: { ...counts.byCompetency },
    total: counts.total,
  };
  for (const q of packs.places) {
    out.total++;
    out.byArea[q.area] = (out.byArea[q.area] ?? 0) + 1;
    out.bySubarea[q.subarea] = (out.bySubarea[q.subarea] ?? 0) + 1;
    if (q.competency) out.byCompetency[q.competency] = (out.byCompetency[q.competency] ?? 0) + 1;
  }
  return out;
}
