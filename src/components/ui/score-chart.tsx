/** A small line chart of scores (0-100%), with the figures in a table for screen readers. */
export function ScoreChart({ points, label }: { points: { label: string; percent: number }[]; label: string }) {
  if (points.length === 0) return null;
  const w = 320;
  const h = 120;
  const pad = 24;
  const x = (i: number) => (points.length === 1 ? w / 2 : pad + (i * (w - 2 * pad)) / (points.length - 1));
  const y = (p: number) => h - pad - (p / 100) * (h - 2 * pad);
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.percent).toFixed(1)}`).join(' ');
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${w} ${h}`}
        role="img"
        aria-label={`${label}: ${points.map((p) => `${p.label} ${p.percent}%`).join(', ')}`}
      >
        {[0, 50, 100].map((g) => (
          <g key={g}>
            <line
              x1={pad}
              x2={w - pad}
              y1={y(g)}
              y2={y(g)}
              stroke="#c9d1db"
              strokeDasharray={g === 50 ? '4 4' : undefined}
            />
            <text x={2} y={y(g) + 4} fontSize="10" fill="#4a5563">
              {g}%
            </text>
          </g>
        ))}
        <path d={path} fill="none" stroke="#0b4f8a" strokeWidth="2.5" />
        {points.map((p, i) => (
          <circle key={i} cx={x(i)} cy={y(p.percent)} r="4" fill="#0b4f8a" />
        ))}
      </svg>
      <figcaption className="muted">{label}</figcaption>
    </figure>
  );
}
