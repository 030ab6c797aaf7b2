// Bank questions to Moodle GIFT, in GIFT's [markdown] format so Moodle shows the author's
// Markdown as written. A single-answer item gets "=" for its key and "~" for the others; a
// choose-all item splits 100% among its correct options and gives wrong ones -100%, which
// Moodle scores like our all-or-nothing rule for a student who picks exactly the key.
// Rationales become per-answer feedback, the explanation general feedback ("####"), and the
// competency a "$CATEGORY:" line (which our import reads back). Other meta lines are GIFT
// comments.
import type { BankExport, BankQuestion } from './types.ts';

/** Escapes GIFT's control characters; newlines become GIFT's "\n". */
export function giftEscape(text: string): string {
  return text
    .trim()
    .replace(/\\/g, '\\\\')
    .replace(/[~=#{}:]/g, '\\$&')
    .replace(/\r?\n/g, '\\n');
}

export function bankToGift(questions: BankQuestion[], area: string): BankExport {
  const out: string[] = [];
  let category: string | undefined;
  for (const q of questions) {
    const cat = q.competency ? `${area}/${q.competency}` : area;
    if (cat !== category) {
      out.push(`$CATEGORY: ${cat}`);
      category = cat;
    }
    const correct = q.options.filter((o) => o.correct).length;
    const multi = correct > 1 || /choose\s+all\s+that\s+apply/i.test(q.stem);
    const weight = String(Math.round((100 / Math.max(correct, 1)) * 100000) / 100000);
    const lines = [`// question: ${q.id}`, ...(q.meta ?? []).map((m) => `// ${m}`)];
    lines.push(`::${giftEscape(q.id)}::[markdown]${giftEscape(q.stem)} {`);
    for (const o of q.options) {
      const mark = multi ? `~%${o.correct ? weight : '-100'}%` : o.correct ? '=' : '~';
      const feedback = o.rationale?.trim() ? ` #${giftEscape(o.rationale)}` : '';
      lines.push(`  ${mark}${giftEscape(o.text)}${feedback}`);
    }
    if (q.explanation?.trim()) lines.push(`  ####${giftEscape(q.explanation)}`);
    lines.push('}');
    out.push(lines.join('\n'));
  }
  return { text: out.length > 0 ? `${out.join('\n\n')}\n` : '', skipped: [] };
}
