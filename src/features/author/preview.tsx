// The preview: the session's material and its questions exactly as candidates see them (the
// compiler's sanitized HTML, the practice screens' option list), with each question's answer
// and explanations shown, as after checking.
import { memo } from 'react';
import { ContentHtml } from '../../components/ui/html';
import { OptionList } from '../../components/question/option-list';
import type { Checked } from './check-protocol';
import type { Question } from '../../content/types';

// Each check brings new question objects: a question is drawn again only when it changed, so a
// keystroke in a 200-question draft redraws one question, not all of them.
const PreviewQuestion = memo(
  function PreviewQuestion({ question: q }: { question: Question }) {
    return (
      <li className="preview-question">
        <ContentHtml html={q.stemHtml} />
        <OptionList question={q} order={q.options.map((_, i) => i)} chosen={[]} name={`preview-${q.id}`} revealed />
        {q.explanationHtml && <ContentHtml html={q.explanationHtml} className="explanation" />}
      </li>
    );
  },
  (a, b) => JSON.stringify(a.question) === JSON.stringify(b.question),
);

// Memoized: it redraws when a check result arrives, not on every keystroke.
export const Preview = memo(function Preview({
  latest,
  lastClean,
}: {
  latest?: Checked | undefined;
  lastClean?: Checked | undefined;
}) {
  const compiled = latest?.compiled ?? lastClean?.compiled;
  const stale = latest !== undefined && !latest.compiled && compiled !== undefined;
  return (
    <section aria-labelledby="preview" className="card author-preview">
      <h2 id="preview">Preview</h2>
      {compiled && <p className="muted">{compiled.session.title}</p>}
      {latest && <ContentHtml html={latest.materialHtml} className="material" />}
      <h3>Questions {compiled && <span className="muted">({compiled.questions.length})</span>}</h3>
      {stale && <p className="notice">The questions below are the last version without problems.</p>}
      {!compiled && <p className="muted">The questions show here once the draft has no problems.</p>}
      <ol className="preview-questions">
        {compiled?.questions.map((q) => (
          <PreviewQuestion key={q.id} question={q} />
        ))}
      </ol>
    </section>
  );
});
