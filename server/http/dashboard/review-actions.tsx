import { useState } from 'preact/hooks'
import { maxReturnReason } from '../../../core/index.ts'
import type { HistoryEntry } from '../../consolidation/history.ts'
import { sendJson } from './api.ts'
import { revision, showNotice } from './state.ts'

/**
 * Sở Nội vụ's decision on the latest version: "Tiếp nhận", or "Trả lại" with the reason the agency
 * will read in its view, the task pane and the Sheets sidebar. A version with errors says so first.
 */
export function ReviewActions({ version, name }: { version: HistoryEntry; name: string }) {
  const [returning, setReturning] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const decide = (action: 'accept' | 'return') => {
    setBusy(true)
    sendJson(`/api/submissions/${version.id}/${action}`, action === 'return' ? { reason } : {})
      .then(() => {
        showNotice(
          action === 'accept'
            ? `Đã tiếp nhận phiên bản ${version.version} của ${name}.`
            : `Đã trả lại phiên bản ${version.version} của ${name} kèm lý do; cơ quan sẽ thấy “Trả lại: ${reason.trim()}”.`,
        )
        setReturning(false)
        setReason('')
        revision.value++
      })
      .catch((e: Error) => showNotice(`Không thực hiện được: ${e.message}`, 'error'))
      .finally(() => setBusy(false))
  }
  return (
    <div class="review-actions" id="review-actions">
      {version.errors > 0 && (
        <p class="warn-text">
          Phiên bản {version.version} còn {version.errors} lỗi: nên trả lại để cơ quan sửa.
        </p>
      )}
      <p class="buttons">
        <button
          type="button"
          id="accept"
          class="primary"
          disabled={busy || version.state === 'accepted'}
          onClick={() => decide('accept')}
        >
          Tiếp nhận phiên bản {version.version}
        </button>{' '}
        <button type="button" id="return" disabled={busy} onClick={() => setReturning(!returning)}>
          Trả lại để sửa…
        </button>
      </p>
      {returning && (
        <form
          id="return-form"
          class="stack"
          onSubmit={(e) => {
            e.preventDefault()
            decide('return')
          }}
        >
          <label>
            Lý do trả lại (cơ quan sẽ đọc lý do này)
            <textarea
              id="return-reason"
              required
              minLength={3}
              maxLength={maxReturnReason}
              rows={3}
              value={reason}
              onInput={(e) => setReason(e.currentTarget.value)}
            />
          </label>
          <p class="buttons">
            <button type="submit" class="primary" disabled={busy}>
              Trả lại phiên bản {version.version}
            </button>{' '}
            <button type="button" onClick={() => setReturning(false)}>
              Hủy
            </button>
          </p>
        </form>
      )}
    </div>
  )
}
