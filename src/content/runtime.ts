// The app's access to compiled content. The index is part of the first screen; questions and
// session material are loaded per area / per session and cached for the page's lifetime.
import { index, materialLoaders, questionLoaders } from 'virtual:clm/index';
import type { Area, ContentIndex, Question, SessionMaterial, SessionMeta } from './types';

export const content: ContentIndex = index;

export function findArea(id: string | undefined): Area | undefined {
  return content.areas.find((a) => a.id === id);
}

export function findSession(id: string | undefined): SessionMeta | undefined {
  return content.sessions.find((s) => s.id === id);
}

const questionCache = new Map<string, Promise<Question[]>>();
const materialCache = new Map<string, Promise<SessionMaterial>>();

export function loadAreaQuestions(areaId: string): Promise<Question[]> {
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
  const ids = new Set(session.questionIds);
  return (await loadAreaQuestions(session.area)).filter((q) => ids.has(q.id));
}

export function loadMaterial(sessionId: string): Promise<SessionMaterial | undefined> {
  const loader = materialLoaders[sessionId];
  if (!loader) return Promise.resolve(undefined);
  let p = materialCache.get(sessionId);
  if (!p) {
    p = loader().then((m) => m.default);
    p.catch(() => materialCache.delete(sessionId));
    materialCache.set(sessionId, p);
  }
  return p;
}
