import {
  describeReportStanding,
  parsePeriodInput,
  type ReportState,
  type Review,
} from '../../core/index.ts'

type Standing = { state: ReportState; version: number | null; review: Review | null }

/**
 * Where the agency's report of a period stands at Sở Nội vụ (`GET /api/status` with its code), as
 * the line the pane shows under its last receipt: "… Trả lại: <lý do> …" after a return. Empty when
 * the pane has no code yet or the period cannot be read; never throws (offline is not an error here).
 */
export async function readReportStanding(
  serverUrl: string,
  token: string,
  periodText: string,
  fetchImpl: typeof fetch = fetch,
): Promise<string> {
  const period = parsePeriodInput(periodText)
  if (!token || !period) return ''
  try {
    const res = await fetchImpl(
      `${serverUrl.replace(/\/$/, '')}/api/status?period=${encodeURIComponent(period.id)}`,
      { headers: { Authorization: `Bearer ${token}` } },
    )
    if (!res.ok) return ''
    const own = ((await res.json()) as { agencies?: Standing[] }).agencies?.[0]
    return own ? describeReportStanding(period.label, own).vi : ''
  } catch {
    return ''
  }
}
