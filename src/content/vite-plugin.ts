// Compiles content/ at build and dev time and serves it as virtual modules, split so the first
// screen loads only the small index: each area's questions and each session's material are
// their own chunks, loaded on demand (and precached by the service worker for offline use).
import { resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { compileContent, type CompileResult } from './compile.ts';
import { formatIssues, readContentDirs } from './load.ts';
import { packBaseOf } from './pack-check.ts';
import type { Question, ShapeGroup } from './types.ts';

const PREFIX = 'virtual:clm/';
const RESOLVED = '\0' + PREFIX;

export function clmContent(options: { dir?: string } = {}): Plugin {
  const dir = resolve(options.dir ?? 'content');
  let result: CompileResult | undefined;
  let server: ViteDevServer | undefined;

  const compile = () => (result ??= compileContent(readContentDirs([dir])));
  const content = () => {
    const r = compile();
    if (!r.content) {
      throw new Error(
        `Content has ${r.issues.length} problem${r.issues.length === 1 ? '' : 's'}:\n${formatIssues(r.issues)}`,
      );
    }
    return r.content;
  };

  return {
    name: 'clm-content',
    buildStart() {
      result = undefined;
      const r = compile();
      for (const f of readContentDirs([dir])) this.addWatchFile(resolve(f.path));
      if (!r.content && !server)
        this.error(
          `Content has ${r.issues.length} problem${r.issues.length === 1 ? '' : 's'}:\n${formatIssues(r.issues)}`,
        );
    },
    configureServer(s) {
      server = s;
      s.watcher.add(dir);
      const onChange = (file: string) => {
        if (!file.startsWith(dir)) return;
        result = undefined;
        for (const mod of s.moduleGraph.idToModuleMap.values()) {
          if (mod.id?.startsWith(RESOLVED)) s.moduleGraph.invalidateModule(mod);
        }
        s.ws.send({ type: 'full-reload' });
      };
      s.watcher.on('change', onChange);
      s.watcher.on('add', onChange);
      s.watcher.on('unlink', onChange);
    },
    resolveId(id) {
      return id.startsWith(PREFIX) ? '\0' + id : undefined;
    },
    load(id) {
      if (!id.startsWith(RESOLVED)) return undefined;
      const what = id.slice(RESOLVED.length);
      let c;
      try {
        c = content();
      } catch (err) {
        this.error((err as Error).message);
      }
      if (what === 'index') {
        const loaders = c.index.areas
          .map((a) => `  ${JSON.stringify(a.id)}: () => import(${JSON.stringify(`${PREFIX}questions/${a.id}`)}),`)
          .join('\n');
        const materials = c.index.sessions
          .map((s) => `  ${JSON.stringify(s.id)}: () => import(${JSON.stringify(`${PREFIX}material/${s.id}`)}),`)
          .join('\n');
        return [
          `export const index = ${json(c.index)};`,
          `export const loadShape = () => import(${JSON.stringify(`${PREFIX}shape`)});`,
          `export const questionLoaders = {\n${loaders}\n};`,
          `export const materialLoaders = {\n${materials}\n};`,
        ].join('\n');
      }
      if (what === 'pack-base') return `export default ${json(packBaseOf(c, readContentDirs([dir])))};`;
      if (what === 'shape') return `export default ${json(bankShape(c.questionsByArea))};`;
      if (what.startsWith('questions/')) {
        const qs = c.questionsByArea[what.slice('questions/'.length)];
        if (qs) return `export default ${json(qs)};`;
      }
      if (what.startsWith('material/')) {
        const m = c.materials[what.slice('material/'.length)];
        if (m) return `export default ${json(m)};`;
      }
      this.error(`Unknown content module ${id.slice(1)}`);
    },
  };
}

/**
 * Which questions the bank has in each area, sub-area and competency, without their text: what
 * mastery needs, a few KB instead of every area's chunk. Groups of [area, sub-area, competency
 * or '', ids].
 */
function bankShape(byArea: Record<string, readonly Question[]>): ShapeGroup[] {
  const groups = new Map<string, ShapeGroup>();
  for (const qs of Object.values(byArea)) {
    for (const q of qs) {
      const key = `${q.area}\n${q.subarea}\n${q.competency ?? ''}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = [q.area, q.subarea, q.competency ?? '', []]));
      g[3].push(q.id);
    }
  }
  return [...groups.values()];
}

/** JSON.parse of a string literal is faster for engines to load than an object literal. */
function json(value: unknown): string {
  return `JSON.parse(${JSON.stringify(JSON.stringify(value))})`;
}
