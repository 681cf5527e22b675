import type { TrendPoint } from '../../consolidation/trends.ts'
import { formatNumber } from './format.ts'

const series = [
  { key: 'completionRate', label: 'Tỷ lệ hoàn thành (%)', color: '#15803d' },
  { key: 'scoreRate', label: 'Điểm tự đánh giá (% điểm tối đa)', color: '#1d4ed8' },
] as const
const overdueColor = '#f87171'
const width = 640
const height = 240
const left = 40
const right = 20
const top = 16
const bottom = 40
const plotW = width - left - right
const plotH = height - top - bottom

/**
 * The quarters of a year as an inline SVG (no external script): completion rate and self-assessed
 * score as lines on a 0–100 scale, overdue tasks as bars with their count. Every text passes AA
 * contrast; the legend names each series beside a swatch of its colour.
 */
export function TrendChart({ points, title }: { points: TrendPoint[]; title: string }) {
  const x = (i: number) => left + (plotW * (i + 0.5)) / points.length
  const y = (v: number) => top + plotH - (plotH * v) / 100
  const maxOverdue = Math.max(1, ...points.map((p) => p.overdue))
  return (
    <figure class="trend">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="trend-title">
        <title id="trend-title">{title}</title>
        {[0, 25, 50, 75, 100].map((v) => (
          <g key={v}>
            <line x1={left} x2={width - right} y1={y(v)} y2={y(v)} stroke="#d1d5db" />
            <text x={left - 6} y={y(v) + 4} text-anchor="end" fill="#374151">
              {v}
            </text>
          </g>
        ))}
        {points.map((p, i) => {
          const h = (plotH * 0.5 * p.overdue) / maxOverdue
          return (
            <g key={p.period}>
              <text x={x(i)} y={height - 20} text-anchor="middle" fill="#111827">
                {p.label}
              </text>
              {!p.submitted ? (
                <text x={x(i)} y={height - 4} text-anchor="middle" fill="#4b5563">
                  chưa nộp
                </text>
              ) : (
                <>
                  <rect
                    class="overdue"
                    x={x(i) - 14}
                    y={top + plotH - h}
                    width={28}
                    height={h}
                    fill={overdueColor}
                  >
                    <title>{`${p.label}: ${p.overdue} nhiệm vụ quá hạn`}</title>
                  </rect>
                  <text x={x(i)} y={top + plotH - h - 4} text-anchor="middle" fill="#991b1b">
                    {`${p.overdue} quá hạn`}
                  </text>
                </>
              )}
            </g>
          )
        })}
        {series.map((s) => {
          const known = points
            .map((p, i) => [i, p[s.key]] as const)
            .filter((k): k is readonly [number, number] => k[1] !== null)
          return (
            <g key={s.key}>
              {known.length > 1 && (
                <polyline
                  class={s.key}
                  points={known.map(([i, v]) => `${x(i)},${y(v)}`).join(' ')}
                  fill="none"
                  stroke={s.color}
                  stroke-width={2}
                />
              )}
              {known.map(([i, v]) => (
                <circle key={i} class={s.key} cx={x(i)} cy={y(v)} r={4} fill={s.color}>
                  <title>{`${points[i]!.label} — ${s.label}: ${formatNumber(v)}`}</title>
                </circle>
              ))}
            </g>
          )
        })}
      </svg>
      <figcaption class="legend">
        {[...series, { key: 'overdue', label: 'Nhiệm vụ quá hạn (cột)', color: overdueColor }].map(
          (s) => (
            <span key={s.key}>
              <i class={`swatch swatch-${s.key}`} aria-hidden="true" />
              {s.label}
            </span>
          ),
        )}
      </figcaption>
    </figure>
  )
}
