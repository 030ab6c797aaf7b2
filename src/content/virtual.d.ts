// Types of the virtual modules served by vite-plugin.ts.
declare module 'virtual:clm/index' {
  export const index: import('./types').ContentIndex;
  export const loadShape: () => Promise<{ default: import('./types').ShapeGroup[] }>;
  export const questionLoaders: Record<string, () => Promise<{ default: import('./types').Question[] }>>;
  export const materialLoaders: Record<string, () => Promise<{ default: import('./types').SessionMaterial }>>;
}
declare module 'virtual:clm/pack-base' {
  const base: import('./pack-check').PackBase;
  export default base;
}
