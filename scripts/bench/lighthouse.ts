// Lighthouse (mobile defaults) on one page, run several times: the median of each figure.
// Lighthouse varies from run to run on a loaded 2-core machine, so a single run means little.
import lighthouse from 'lighthouse';

export interface LighthouseFigures {
  perf: number;
  a11y: number;
  bp: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  runs: number[];
  /** Audits that scored under 0.9 in the first run, for the log. */
  weak: string[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

export async function lighthouseMedian(url: string, port: number, times: number): Promise<LighthouseFigures> {
  const runs: Omit<LighthouseFigures, 'runs' | 'weak'>[] = [];
  const weak: string[] = [];
  for (let i = 0; i < times; i++) {
    const result = await lighthouse(url, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
    });
    if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
    const { categories: c, audits } = result.lhr;
    runs.push({
      perf: Math.round((c.performance?.score ?? 0) * 100),
      a11y: Math.round((c.accessibility?.score ?? 0) * 100),
      bp: Math.round((c['best-practices']?.score ?? 0) * 100),
      lcpMs: audits['largest-contentful-paint']?.numericValue ?? NaN,
      tbtMs: audits['total-blocking-time']?.numericValue ?? NaN,
      cls: audits['cumulative-layout-shift']?.numericValue ?? NaN,
    });
    if (i === 0) {
      for (const [id, audit] of Object.entries(audits)) {
        if (
          audit.score !== null &&
          audit.score < 0.9 &&
          audit.scoreDisplayMode !== 'informative' &&
          audit.scoreDisplayMode !== 'notApplicable'
        )
          weak.push(`${id} ${audit.score} ${audit.displayValue ?? ''}`);
      }
    }
  }
  const m = (k: keyof (typeof runs)[number]) => median(runs.map((r) => r[k]));
  return {
    perf: m('perf'),
    a11y: m('a11y'),
    bp: m('bp'),
    lcpMs: m('lcpMs'),
    tbtMs: m('tbtMs'),
    cls: m('cls'),
    runs: runs.map((r) => r.perf),
    weak,
  };
}
