import { computeCrossChecks, crossCheckLabels } from './crosscheck.ts'
import type { ConsolidatedInput, CrossCheck, PlannedCell, PlannedSheet } from './types.ts'
import { computeTrendPoint, type TrendPoint, type Trends } from './trends.ts'

const roleLabels = { lead: 'chủ trì', coop: 'phối hợp' } as const
// Up to this many agencies, one per line in "Đối chiếu"; more run on, this many to a row.
const listedAgencies = 8
const agenciesPerRow = 24

/** "Đối chiếu": the cross-checks at merge, one row per finding, with what each agency reported. */
export function planCrossCheckSheet(
  input: ConsolidatedInput,
  findings: CrossCheck[],
): PlannedSheet {
  const names = new Map(input.agencies.map((a) => [a.id, a.name]))
  const label = (a: CrossCheck['agencies'][number]) =>
    `${names.get(a.id) ?? a.id}${a.role ? ` (${roleLabels[a.role]})` : ''}${a.reported ? `: ${a.reported}` : ''}`
  // Up to a few agencies, one per line; a long list (units missing the same tasks) runs on,
  // separated by semicolons, over as many rows as it needs: a row taller than a page would be cut
  // when printed.
  const rows: PlannedCell[][] = findings.flatMap((f, i) => {
    const few = f.agencies.length <= listedAgencies
    const size = few ? listedAgencies : agenciesPerRow
    const chunks = Array.from({ length: Math.ceil(f.agencies.length / size) }, (_, c) =>
      f.agencies.slice(c * size, (c + 1) * size),
    )
    return chunks.map((chunk, c): PlannedCell[] => [
      c ? null : i + 1,
      c ? null : crossCheckLabels[f.kind].vi,
      c ? null : f.stt,
      c ? null : f.content,
      chunk.map(label).join(few ? '\n' : '; '),
      c ? null : f.detail,
    ])
  })
  if (rows.length === 0)
    rows.push([null, 'Không phát hiện mâu thuẫn giữa các báo cáo.', null, null, null, null])
  return {
    name: 'Đối chiếu',
    title: `ĐỐI CHIẾU BÁO CÁO GIỮA CÁC CƠ QUAN — ${input.label.toUpperCase()}`,
    columns: [
      { header: 'STT', width: 4 },
      { header: 'Loại đối chiếu', width: 18 },
      { header: 'Nhiệm vụ (STT)', width: 7 },
      { header: 'Nội dung nhiệm vụ', width: 40 },
      { header: 'Cơ quan và nội dung báo cáo', width: 42 },
      { header: 'Chi tiết', width: 32 },
    ],
    rows,
  }
}

const metrics: { header: string; read: (p: TrendPoint) => number | null }[] = [
  { header: 'Tỷ lệ hoàn thành (%)', read: (p) => p.completionRate },
  { header: 'Nhiệm vụ quá hạn', read: (p) => (p.submitted ? p.overdue : null) },
  { header: 'Điểm tự đánh giá (%)', read: (p) => p.scoreRate },
]

/** "Xu hướng": per quarter of the year, completion rate, overdue count and self-assessed score. */
export function planTrendSheet(input: ConsolidatedInput, trends: Trends | undefined): PlannedSheet {
  const series = trends ?? {
    year: Number(input.period.slice(0, 4)),
    periods: [input.period],
    province: {
      id: 'tinh',
      name: 'Toàn tỉnh',
      points: [computeTrendPoint(input.period, input.submissions)],
    },
    agencies: input.agencies.map((a) => {
      const s = input.submissions.find((x) => x.agencyId === a.id)
      return {
        id: a.id,
        name: a.name,
        points: [computeTrendPoint(input.period, s ? [s] : [])],
      }
    }),
  }
  const labels = series.province.points.map((p) => p.label)
  const columns = [
    { header: 'STT', width: 5 },
    { header: 'Cơ quan', width: 32 },
    ...metrics.flatMap((m) => labels.map((l) => ({ header: `${m.header} — ${l}`, width: 9 }))),
  ]
  const rows: PlannedCell[][] = [series.province, ...series.agencies].map((s, i) => [
    i === 0 ? null : i,
    s.name,
    ...metrics.flatMap((m) => s.points.map((p) => m.read(p))),
  ])
  return {
    name: 'Xu hướng',
    title: `XU HƯỚNG THEO QUÝ NĂM ${series.year}`,
    columns,
    rows,
    totalRows: [0],
  }
}

/** The review sheets appended to the consolidated workbook: "Đối chiếu" and "Xu hướng". */
export function planReviewSheets(input: ConsolidatedInput): PlannedSheet[] {
  return [
    planCrossCheckSheet(input, input.crossChecks ?? computeCrossChecks(input, new Map())),
    planTrendSheet(input, input.trends),
  ]
}
