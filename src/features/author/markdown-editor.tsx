// A Markdown editor (CodeMirror 6) for one draft file: line numbers, history, Markdown
// highlighting, the app's own colours. Loaded only with the Author page. `goTo` moves the
// cursor to a reported problem's line and column and gives the editor focus.
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, highlightActiveLine, drawSelection } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { markdown } from '@codemirror/lang-markdown';
import { yamlFrontmatter } from '@codemirror/lang-yaml';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags } from '@lezer/highlight';

// The app's own colours (light and dark, contrast AA on the editor's background), not
// CodeMirror's defaults, which are made for a light page only.
const highlight = HighlightStyle.define([
  { tag: tags.heading, fontWeight: '700', color: 'var(--ink)' },
  { tag: tags.strong, fontWeight: '700' },
  { tag: tags.emphasis, fontStyle: 'italic' },
  { tag: [tags.link, tags.url], color: 'var(--brand)', textDecoration: 'underline' },
  { tag: [tags.propertyName, tags.definition(tags.propertyName)], color: 'var(--brand)', fontWeight: '600' },
  { tag: [tags.comment, tags.meta, tags.processingInstruction, tags.quote], color: 'var(--muted)' },
  { tag: [tags.string, tags.number, tags.bool], color: 'var(--good)' },
]);

function moveTo(v: EditorView, line: number, column: number): void {
  const l = v.state.doc.line(Math.min(Math.max(line, 1), v.state.doc.lines));
  const pos = Math.min(l.from + Math.max(column - 1, 0), l.to);
  v.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: 'center' }) });
  v.focus();
}

export interface EditorHandle {
  goTo(line: number, column: number): void;
}

interface Props {
  label: string;
  value: string;
  /** Where the cursor starts (a problem chosen in the other file), with focus. */
  startAt?: { line: number; column: number } | undefined;
  onChange: (text: string) => void;
  ref?: Ref<EditorHandle>;
}

export function MarkdownEditor({ label, value, startAt, onChange, ref }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const changed = useRef(onChange);
  useEffect(() => {
    changed.current = onChange;
  }, [onChange]);
  // The editor owns its text once made: a new draft (a template) remounts it with a key.
  const initial = useRef({ value, startAt });

  useEffect(() => {
    if (!host.current) return;
    const v = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: initial.current.value,
        extensions: [
          lineNumbers(),
          history(),
          drawSelection(),
          highlightActiveLine(),
          EditorView.lineWrapping,
          // The settings between the --- lines are YAML, the rest Markdown.
          yamlFrontmatter({ content: markdown() }),
          syntaxHighlighting(highlight),
          // Tab indents; Escape then Tab leaves the editor (CodeMirror's own rule), so the
          // keyboard is never trapped.
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          EditorView.contentAttributes.of({ 'aria-label': label, 'aria-multiline': 'true' }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) changed.current(u.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = v;
    const at = initial.current.startAt;
    if (at) moveTo(v, at.line, at.column);
    return () => {
      v.destroy();
      view.current = null;
    };
  }, [label]);

  useImperativeHandle(ref, () => ({
    goTo(line, column) {
      if (view.current) moveTo(view.current, line, column);
    },
  }));

  return <div ref={host} className="md-editor" />;
}
