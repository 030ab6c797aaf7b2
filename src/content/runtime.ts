// The app's access to compiled content. The index is part of the first screen; questions and
// session material are loaded per area / per session and cached for the page's lifetime. The
// session packs installed on this device (installed.ts) are merged in: their sessions, material
// and questions are found, loaded and counted here like built-in ones.
import { index, loadShape, materialLoaders, questionLoaders } from 'virtual:clm/index';
import { useMemo } from 'react';
import { installed, packsReady, useInstalled, withPacks } from './installed';
import type { Area, ContentIndex, Counts, Question, QuestionPlace, SessionMaterial, SessionMeta } from './types';

export const content: ContentIndex = index;

export function findArea(id: string | undefined): Area | undefined {
  return content.areas.find((a) => a.id === id);
}

/** The built-in sessions, then the installed packs' (see packsReady). */
export function allSessions(): SessionMeta[] {
  const extra = installed().sessions;
  return extra.length > 0 ? [...content.sessions, ...extra] : content.sessions;
}

/** How many questions the bank has, the installed packs' included. */
export function bankCounts(): Counts {
  return withPacks(content.counts, installed());
}

/** bankCounts, read live: the screen renders again when a pack is installed or removed. */
export function useBankCounts(): Counts {
  const packs = useInstalled();
  return useMemo(() => withPacks(content.counts, packs), [packs]);
}

/** A session, once the installed packs are read (for loaders and data code). */
export async function loadSession(id: string | undefined): Promise<SessionMeta | undefined> {
  const builtIn = content.sessions.find((s) => s.id === id);
  if (builtIn) return builtIn;
  await packsReady();
  return findSession(id);
}

/** A built-in session or an installed pack's (once the packs are read: see packsReady). */
export function findSession(id: string | undefined): SessionMeta | undefined {
  return content.sessions.find((s) => s.id === id) ?? installed().sessions.find((s) => s.id === id);
}

const questionCache = new Map<string, Promise<Question[]>>();
const materialCache = new Map<string, Promise<SessionMaterial>>();

/** An area's questions: the built-in ones, then the installed packs'. */
export async function loadAreaQuestions(areaId: string): Promise<Question[]> {
  const [builtIn] = await Promise.all([loadBuiltInQuestions(areaId), packsReady()]);
  const fromPacks = installed().questionsByArea[areaId];
  return fromPacks ? [...builtIn, ...fromPacks] : builtIn;
}

function loadBuiltInQuestions(areaId: string): Promise<Question[]> {
  const loader = questionLoaders[areaId];
  if (!loader) return Promise.resolve([]);
  let p = questionCache.get(areaId);
  if (!p) {
    p = loader().then((m) => m.default);
    p.catch(() => questionCache.delete(areaId));
    questionCache.set(areaId, p);
  }
  return p;
}

export async function loadSessionQuestions(session: SessionMeta): Promise<Question[]> {
  const [material, questions] = await Promise.all([loadMaterial(session.id), loadAreaQuestions(session.area)]);
  const ids = new Set(material?.questionIds);
  return questions.filter((q) => ids.has(q.id));
}

export async function loadMaterial(sessionId: string): Promise<SessionMaterial | undefined> {
  const loader = materialLoaders[sessionId];
  if (!loader) {
    await packsReady();
    return installed().materials.get(sessionId);
  }
  let p = materialCache.get(sessionId);
  if (!p) {
    p = loader().then((m) => m.default);
    p.catch(() => materialCache.delete(sessionId));
    materialCache.set(sessionId, p);
  }
  return p;
}

/** Every question of the bank (all area chunks; each is cached after its first load). */
export async function loadAllQuestions(): Promise<Question[]> {
  return (await Promise.all(content.areas.map((a) => loadAreaQuestions(a.id)))).flat();
}

let places: Promise<QuestionPlace[]> | undefined;

/**
 * Where every question of the bank sits (area, sub-area, competency), without its text: a small
 * chunk, so pages that only count and measure mastery need not load every area's questions.
 */
export async function loadQuestionPlaces(): Promise<QuestionPlace[]> {
  const [builtIn] = await Promise.all([loadBuiltInPlaces(), packsReady()]);
  const fromPacks = installed().places;
  return fromPacks.length > 0 ? [...builtIn, ...fromPacks] : builtIn;
}

function loadBuiltInPlaces(): Promise<QuestionPlace[]> {
  if (!places) {
    places = loadShape().then((m) =>
      m.default.flatMap(([area, subarea, competency, ids]) =>
        ids.map((id) => ({ id, area, subarea, competency: competency || undefined })),
      ),
    );
    places.catch(() => (places = undefined));
  }
  return places;
}

/** Questions by id, in the order given; ids no longer in the content are skipped. */
export async function loadQuestionsById(ids: readonly string[]): Promise<Question[]> {
  const byId = new Map((await loadAllQuestions()).map((q) => [q.id, q]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export function findSubarea(id: string): { area: Area; subarea: Area['subareas'][number] } | undefined {
  for (const area of content.areas) {
    const subarea = area.subareas.find((s) => s.id === id);
    if (subarea) return { area, subarea };
  }
  return undefined;
}

export function findCompetency(
  id: string,
): { area: Area; subarea: Area['subareas'][number]; title: string } | undefined {
  for (const area of content.areas) {
    for (const subarea of area.subareas) {
      const c = subarea.competencies.find((x) => x.id === id);
      if (c) return { area, subarea, title: c.title };
    }
  }
  return undefined;
}
