// A line chart of scores (0-100%) in SVG: a labelled score axis, one tick per exam along the
// bottom, each point's value printed above it. Colours come from styles.css (.chart-*), so the
// chart follows the theme. The numbers are also in the picture's accessible name.

export interface ScorePoint {
  /** Names the point in the accessible name, e.g. "Exam 3". */
  label: string;
  percent: number;
}

const W = 340;
const H = 180;
const LEFT = 40;
const RIGHT = 14;
const TOP = 20;
const BOTTOM = 34;
const TICKS = [0, 25, 50, 75, 100];

/** Which x ticks get a number: all when they fit, else about eight spread evenly and the last. */
function labelled(i: number, n: number): boolean {
  const step = Math.ceil(n / 8);
  return i === n - 1 || (i % step === 0 && n - 1 - i >= step / 2);
}

export function ScoreChart({ points, label }: { points: ScorePoint[]; label: string }) {
  if (points.length === 0) return null;
  const n = points.length;
  const plotW = W - LEFT - RIGHT;
  const x = (i: number) => (n === 1 ? LEFT + plotW / 2 : LEFT + (i * plotW) / (n - 1));
  const y = (p: number) => TOP + (1 - Math.min(100, Math.max(0, p)) / 100) * (H - TOP - BOTTOM);
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.percent).toFixed(1)}`).join(' ');
  const showValues = n <= 12;
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`${label}: ${points.map((p) => `${p.label} ${p.percent}%`).join(', ')}`}
      >
        {TICKS.map((g) => (
          <g key={g}>
            <line className={g === 0 ? 'chart-axis' : 'chart-grid'} x1={LEFT} x2={W - RIGHT} y1={y(g)} y2={y(g)} />
            <text className="chart-tick" x={LEFT - 6} y={y(g) + 4} textAnchor="end">
              {g}%
            </text>
          </g>
        ))}
        <line className="chart-axis" x1={LEFT} x2={LEFT} y1={TOP} y2={y(0)} />
        {points.map((_, i) =>
          labelled(i, n) ? (
            <text key={i} className="chart-tick" x={x(i)} y={H - BOTTOM + 16} textAnchor="middle">
              {i + 1}
            </text>
          ) : null,
        )}
        <text className="chart-tick" x={LEFT + plotW / 2} y={H - 3} textAnchor="middle">
          Mock exam
        </text>
        <path className="chart-line" d={path} />
        {points.map((p, i) => (
          <g key={i}>
            <circle className="chart-point" cx={x(i)} cy={y(p.percent)} r="4" />
            {(showValues || i === n - 1) && (
              <text className="chart-value" x={x(i)} y={y(p.percent) - 8} textAnchor="middle">
                {p.percent}%
              </text>
            )}
          </g>
        ))}
      </svg>
      <figcaption className="muted">{label}</figcaption>
    </figure>
  );
}
