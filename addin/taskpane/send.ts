import { formatVietnamTime, type Grid, type TemplateMeta } from '../../core/index.ts'

/** What the pane sends: the checked table and where to. */
export type Submission = {
  serverUrl: string
  token: string
  period: string
  grid: Grid
  meta: TemplateMeta | null
  fileName: string
}

/**
 * Sends the checked table to the sync service (`POST /api/submissions`, JSON) and returns the receipt
 * line; throws an Error whose message is the Vietnamese reason (the server's own, or the network's).
 */
export async function submitReport(submission: Submission): Promise<string> {
  let res: Response
  try {
    res = await fetch(`${submission.serverUrl.replace(/\/$/, '')}/api/submissions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${submission.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        period: submission.period,
        table: submission.grid,
        meta: submission.meta ?? undefined,
        fileName: submission.fileName,
      }),
    })
  } catch {
    throw new Error(
      'Không kết nối được máy chủ; kiểm tra địa chỉ trong "Cài đặt" và mạng. Việc kiểm tra vẫn dùng được khi không có mạng.',
    )
  }
  const body = (await res.json().catch(() => null)) as {
    version?: number
    id?: number
    submittedAt?: string
    error?: { message: string }
  } | null
  if (!res.ok) throw new Error(body?.error?.message ?? `Máy chủ trả lời ${res.status}`)
  const time = body?.submittedAt ? formatVietnamTime(body.submittedAt) : ''
  return `Đã gửi: phiên bản ${body?.version} (mã ${body?.id}) lúc ${time}.`
}
