// The preview: the session's material and its questions exactly as candidates see them (the
// compiler's sanitized HTML, the practice screens' option list), with each question's answer
// and explanations shown, as after checking.
import { ContentHtml } from '../../components/ui/html';
import { OptionList } from '../../components/question/option-list';
import type { Checked } from './check-protocol';

export function Preview({ latest, lastClean }: { latest?: Checked | undefined; lastClean?: Checked | undefined }) {
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
          <li key={q.id} className="preview-question">
            <ContentHtml html={q.stemHtml} />
            <OptionList question={q} order={q.options.map((_, i) => i)} chosen={[]} name={`preview-${q.id}`} revealed />
            {q.explanationHtml && <ContentHtml html={q.explanationHtml} className="explanation" />}
          </li>
        ))}
      </ol>
    </section>
  );
}
