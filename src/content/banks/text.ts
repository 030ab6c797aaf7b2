// Text conversions for imported banks: plain text and (simple) HTML to our Markdown, and ids
// from titles. HTML is never passed through: known tags become Markdown, the rest are dropped
// and their text kept, then everything goes through the app's own renderer and sanitizer like
// any other Markdown. No DOM: these run in Node and in a worker alike.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Plain text to Markdown that shows exactly that text (Markdown syntax escaped). */
export function plainToMarkdown(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(/[\\`*_[\]<>|~&]/g, '\\$&')
        .replace(/^(\s*)([#+=-])/, '$1\\$2')
        .replace(/^(\s*\d+)([.)])/, '$1\\$2'),
    )
    .join('\n');
}

const BR = '\u0000';
const INLINE: Record<string, string> = { b: '**', strong: '**', i: '*', em: '*', s: '~~', del: '~~', code: '`' };

/** Simple HTML (what Moodle editors produce) to Markdown; unknown tags are dropped, text kept. */
export function htmlToMarkdown(source: string): string {
  // Scripts and styles are code, not text: dropped with their content.
  const html = source.replaceAll(BR, '').replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '');
  let out = '';
  const links: string[] = [];
  const re = /<!--[\s\S]*?-->|<\/?([a-zA-Z][a-zA-Z0-9]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
  let last = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    out += plainToMarkdown(decodeEntities(html.slice(last, m.index)).replace(/\s*\n\s*/g, ' '));
    last = re.lastIndex;
    const tag = (m[1] ?? '').toLowerCase();
    const closing = m[0].startsWith('</');
    if (INLINE[tag]) out += INLINE[tag];
    else if (tag === 'br') out += BR;
    else if (['p', 'div', 'ul', 'ol', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote'].includes(tag))
      out += '\n\n';
    // A list item becomes a line of its own: a Markdown list in a stem would be read as the options.
    else if (tag === 'li') out += closing ? '' : '\n\n• ';
    else if (tag === 'tr') out += closing ? '' : '\n\n';
    else if (tag === 'td' || tag === 'th') out += closing ? ' ' : '';
    else if (tag === 'a') {
      if (closing) {
        const href = links.pop();
        out += href ? `](${href})` : '';
      } else {
        const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(m[2] ?? '');
        const url = decodeEntities(href?.[1] ?? href?.[2] ?? '');
        // Only web links are kept; our renderer would refuse others anyway.
        const safe = /^https?:\/\/[^\s()<>]+$/i.test(url) ? url : '';
        links.push(safe);
        if (safe) out += '[';
      }
    }
  }
  out += plainToMarkdown(decodeEntities(html.slice(last)).replace(/\s*\n\s*/g, ' '));
  // Two line breaks in a row are a paragraph break; a break at either end is nothing.
  const breaks = out
    .replace(new RegExp(`(?:${BR}\\s*){2,}`, 'g'), '\n\n')
    .replace(new RegExp(`^\\s*${BR}|${BR}\\s*$`, 'g'), '');
  return tidy(tidy(breaks).replaceAll(BR, '\\\n'));
}

/** Trims every line's trailing space, collapses blank runs and trims the whole text. */
export function tidy(md: string): string {
  return md
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/, '').replace(/^[ \t]+/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** An id from free text: lowercase words joined by hyphens, at most `max` characters. */
export function slugify(text: string, max = 60): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let id = '';
  for (const w of words) {
    const next = id ? `${id}-${w}` : w;
    if (next.length > max) break;
    id = next;
  }
  return id || (words[0] ?? '').slice(0, max);
}

/** Gives out ids unique within one file (and against `taken`), suffixing -2, -3... */
export function idMaker(prefix: string, taken: Iterable<string> = []): (wanted: string | undefined) => string {
  const used = new Set(taken);
  let n = 0;
  return (wanted) => {
    n++;
    const base = (wanted && slugify(wanted)) || `${prefix}-${n}`;
    let id = base;
    for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
    used.add(id);
    return id;
  };
}
