// Offline full-text search over session material and questions, with MiniSearch. The index is
// built in the browser the first time the search page opens, never on the first screen.
import MiniSearch, { type SearchResult } from 'minisearch';
import { clip, excerpt } from './text';

export interface SearchDoc {
  id: string;
  kind: 'question' | 'session';
  title: string;
  text: string;
  /** Where the result leads. */
  href: string;
}

export function buildIndex(docs: readonly SearchDoc[]): MiniSearch<SearchDoc> {
  const index = new MiniSearch<SearchDoc>({
    fields: ['title', 'text'],
    storeFields: ['kind', 'title', 'text', 'href'],
    searchOptions: { boost: { title: 2 }, prefix: true, fuzzy: 0.15, combineWith: 'AND' },
  });
  index.addAll(docs);
  return index;
}

export interface Hit {
  id: string;
  kind: SearchDoc['kind'];
  title: string;
  href: string;
  /** The snippet split into plain and matched parts, for safe highlighting. */
  snippet: { text: string; match: boolean }[];
}

export function search(index: MiniSearch<SearchDoc>, query: string, limit = 30): Hit[] {
  if (query.trim().length < 2) return [];
  return index
    .search(query)
    .slice(0, limit)
    .map((r) => toHit(r));
}

function toHit(r: SearchResult): Hit {
  const text = String(r.text ?? '');
  return {
    id: String(r.id),
    kind: r.kind as SearchDoc['kind'],
    title: String(r.title),
    href: String(r.href),
    snippet: snippet(text, r.terms),
  };
}

/** About 200 characters around the first matched term, cut at word boundaries, with every matched term marked. */
export function snippet(text: string, terms: readonly string[], width = 200): { text: string; match: boolean }[] {
  const words = terms.filter((t) => t.length > 0).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (words.length === 0) return [{ text: clip(text, width), match: false }];
  const re = new RegExp(`(${words.join('|')})`, 'gi');
  const first = text.search(re);
  const cut = excerpt(text, Math.max(0, first), width);
  const whole = new RegExp(`^(${words.join('|')})$`, 'i');
  return cut
    .split(re)
    .filter((part) => part.length > 0)
    .map((part) => ({ text: part, match: whole.test(part) }));
}
