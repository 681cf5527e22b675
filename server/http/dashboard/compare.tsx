import { useEffect, useState } from 'preact/hooks'
import {
  computeChangeDirection,
  diffFieldLabels,
  formatPeriod,
  statusLabels,
  taskStatuses,
  type FieldChange,
  type RowDiff,
} from '../../../core/index.ts'
import type { HistoryEntry } from '../../consolidation/history.ts'
import { readJson } from './api.ts'
import { formatDate, formatTime } from './format.ts'
import { useResource } from './state.ts'
import { describeVersion } from './versions.tsx'

type Ref = { id: number; period: string; version: number }
type DiffAnswer = { from: Ref; to: Ref; diff: RowDiff }
type Request = { kind: 'pair'; from: string; to: string } | { kind: 'quarter'; to: string }

const directionText = { better: 'Tiến bộ', worse: 'Lùi lại', neutral: '' }

/** A changed value as people read it: status labels, dd/mm/yyyy dates. */
function formatValue(change: FieldChange, value: string): string {
  if (change.field === 'status' && (taskStatuses as readonly string[]).includes(value))
    return statusLabels[value as (typeof taskStatuses)[number]].vi
  if (change.field === 'doneDate' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value)
  return value
}

function DiffTable({ answer }: { answer: DiffAnswer }) {
  const { from, to, diff } = answer
  const rows = diff.changed.flatMap((c) =>
    c.changes.map((f, i) => {
      const direction = computeChangeDirection(f)
      return (
        <tr key={`${c.key}-${f.field}`} class={`changed ${direction}`} data-row={c.afterRow}>
          <td>{i === 0 ? c.stt : ''}</td>
          <td>{i === 0 ? c.content : ''}</td>
          <td>{diffFieldLabels[f.field].vi}</td>
          <td class="before">{formatValue(f, f.before)}</td>
          <td class="after">{formatValue(f, f.after)}</td>
          <td class="direction">{directionText[direction]}</td>
        </tr>
      )
    }),
  )
  const others = (['added', 'removed'] as const).flatMap((kind) =>
    diff[kind].map((r) => (
      <tr key={`${kind}-${r.row}`} class={kind}>
        <td>{r.stt}</td>
        <td>{r.content}</td>
        <td>{kind === 'added' ? 'Thêm' : 'Bớt'}</td>
        <td class="before">{kind === 'removed' ? r.progress : ''}</td>
        <td class="after">{kind === 'added' ? r.progress : ''}</td>
        <td />
      </tr>
    )),
  )
  return (
    <>
      <p id="diff-summary">
        {describeVersion(from)} → {describeVersion(to)}: {diff.changed.length} nhiệm vụ thay đổi,{' '}
        {diff.added.length} thêm, {diff.removed.length} bớt, {diff.unchanged} giữ nguyên.
      </p>
      {rows.length + others.length === 0 ? (
        <p class="empty">Hai phiên bản không khác nhau ở nhiệm vụ nào.</p>
      ) : (
        <div
          class="scroll short"
          tabIndex={0}
          role="region"
          aria-label="Các thay đổi giữa hai phiên bản"
        >
          <table class="diff">
            <thead>
              <tr>
                <th scope="col">STT</th>
                <th scope="col">Nội dung</th>
                <th scope="col">Mục</th>
                <th scope="col" id="diff-from-head">
                  {describeVersion(from)}
                </th>
                <th scope="col" id="diff-to-head">
                  {describeVersion(to)}
                </th>
                <th scope="col">Đánh giá</th>
              </tr>
            </thead>
            <tbody id="diff-body">
              {rows}
              {others}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}

/**
 * Two versions side by side, or this period's latest against the previous period's ("So với quý
 * trước"): the pickers always name the pair shown, and a change for the worse reads as such.
 */
export function Compare({
  agencyId,
  versions,
  period,
}: {
  agencyId: string
  versions: HistoryEntry[]
  period: string
}) {
  // By default the period's two latest versions; else its latest against the version sent before it.
  const latest = versions.find((v) => v.period === period) ?? versions[0]
  const before =
    versions.find((v) => v !== latest && v.period === latest?.period) ??
    versions[versions.indexOf(latest!) + 1]
  const [from, setFrom] = useState(String(before?.id ?? ''))
  const [to, setTo] = useState(String(latest?.id ?? ''))
  const [request, setRequest] = useState<Request | null>(
    versions.length > 1 ? { kind: 'pair', from, to } : null,
  )
  const path = `/api/agencies/${encodeURIComponent(agencyId)}/diff?`
  const key = !request
    ? null
    : request.kind === 'pair'
      ? `${path}from=${request.from}&to=${request.to}`
      : `${path}to=${encodeURIComponent(request.to)}`
  const answer = useResource(key, () => readJson<DiffAnswer>(key!))
  useEffect(() => {
    if (answer.status !== 'ready') return
    setFrom(String(answer.data.from.id))
    setTo(String(answer.data.to.id))
  }, [answer])
  if (versions.length < 2)
    return (
      <p class="empty">Cần ít nhất hai phiên bản để so sánh; cơ quan mới gửi {versions.length}.</p>
    )
  const option = (s: HistoryEntry) => (
    <option key={s.id} value={String(s.id)}>
      {describeVersion(s)} ({formatTime(s.submittedAt)})
    </option>
  )
  return (
    <>
      <form
        id="compare-form"
        class="row"
        onSubmit={(e) => {
          e.preventDefault()
          setRequest({ kind: 'pair', from, to })
        }}
      >
        <label>
          Phiên bản trước
          <select id="compare-from" value={from} onChange={(e) => setFrom(e.currentTarget.value)}>
            {versions.map(option)}
          </select>
        </label>
        <label>
          Phiên bản sau
          <select id="compare-to" value={to} onChange={(e) => setTo(e.currentTarget.value)}>
            {versions.map(option)}
          </select>
        </label>
        <button type="submit">So sánh</button>
        <button
          type="button"
          id="compare-quarter"
          onClick={() => setRequest({ kind: 'quarter', to: period })}
        >
          So với quý trước
        </button>
      </form>
      {answer.status === 'loading' && <p role="status">Đang so sánh…</p>}
      {answer.status === 'error' && (
        <p role="alert">
          {request?.kind === 'quarter'
            ? `Không so sánh được với quý trước: ${formatPeriod(period)} hoặc kỳ trước nó chưa có phiên bản nào.`
            : `Không so sánh được: ${answer.message}`}
        </p>
      )}
      {answer.status === 'ready' && <DiffTable answer={answer.data} />}
    </>
  )
}
