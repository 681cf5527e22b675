import type { TrendPoint } from '../../consolidation/trends.ts'

const svgNs = 'http://www.w3.org/2000/svg'
const series = [
  { key: 'completionRate', label: 'Tỷ lệ hoàn thành (%)', color: '#16a34a' },
  { key: 'scoreRate', label: 'Điểm tự đánh giá (% điểm tối đa)', color: '#2563eb' },
] as const

function createSvg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(svgNs, tag)
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, String(v))
  if (text !== undefined) el.textContent = text
  return el
}

/**
 * Draws the quarters of a year as an inline SVG (no external script): completion rate and
 * self-assessed score as lines on a 0–100 scale, overdue tasks as bars with their count.
 */
export function renderTrendChart(container: HTMLElement, points: TrendPoint[]): void {
  container.textContent = ''
  const width = 640
  const height = 240
  const left = 40
  const right = 20
  const top = 16
  const bottom = 40
  const plotW = width - left - right
  const plotH = height - top - bottom
  const svg = createSvg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img' })
  svg.appendChild(createSvg('title', {}, 'Xu hướng theo quý'))
  const x = (i: number) => left + (plotW * (i + 0.5)) / points.length
  const y = (v: number) => top + plotH - (plotH * v) / 100
  for (const v of [0, 25, 50, 75, 100]) {
    svg.appendChild(
      createSvg('line', { x1: left, x2: width - right, y1: y(v), y2: y(v), stroke: '#e5e7eb' }),
    )
    svg.appendChild(
      createSvg(
        'text',
        { x: left - 6, y: y(v) + 4, 'text-anchor': 'end', fill: '#6b7280' },
        String(v),
      ),
    )
  }
  const maxOverdue = Math.max(1, ...points.map((p) => p.overdue))
  points.forEach((p, i) => {
    svg.appendChild(
      createSvg('text', { x: x(i), y: height - 16, 'text-anchor': 'middle' }, p.label),
    )
    if (!p.submitted) {
      svg.appendChild(
        createSvg(
          'text',
          { x: x(i), y: height - 4, 'text-anchor': 'middle', fill: '#9ca3af' },
          'chưa nộp',
        ),
      )
      return
    }
    const h = (plotH * 0.5 * p.overdue) / maxOverdue
    const bar = createSvg('rect', {
      class: 'overdue',
      x: x(i) - 14,
      y: top + plotH - h,
      width: 28,
      height: h,
      fill: '#fca5a5',
    })
    bar.appendChild(createSvg('title', {}, `${p.label}: ${p.overdue} nhiệm vụ quá hạn`))
    svg.appendChild(bar)
    svg.appendChild(
      createSvg(
        'text',
        { x: x(i), y: top + plotH - h - 4, 'text-anchor': 'middle', fill: '#b91c1c' },
        `${p.overdue} quá hạn`,
      ),
    )
  })
  for (const s of series) {
    const known = points.map((p, i) => [i, p[s.key]] as const).filter(([, v]) => v !== null)
    if (known.length > 1)
      svg.appendChild(
        createSvg('polyline', {
          class: s.key,
          points: known.map(([i, v]) => `${x(i)},${y(v!)}`).join(' '),
          fill: 'none',
          stroke: s.color,
          'stroke-width': 2,
        }),
      )
    for (const [i, v] of known) {
      const dot = createSvg('circle', { class: s.key, cx: x(i), cy: y(v!), r: 4, fill: s.color })
      dot.appendChild(createSvg('title', {}, `${points[i]!.label} — ${s.label}: ${v}`))
      svg.appendChild(dot)
    }
  }
  container.appendChild(svg)
  const legend = document.createElement('div')
  legend.className = 'legend'
  for (const s of [...series, { label: 'Nhiệm vụ quá hạn (cột)', color: '#fca5a5' }]) {
    const item = document.createElement('span')
    item.textContent = s.label
    item.style.color = s.color
    legend.appendChild(item)
  }
  container.appendChild(legend)
}
