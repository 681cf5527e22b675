import { useEffect, useRef, useState } from 'preact/hooks'
import { copyText, downloadFile, readJson } from './api.ts'
import { showNotice } from './state.ts'

/**
 * An agency's Công văn đôn đốc: the new deadline the officer sets (a week from today when left
 * empty), the text the service writes from the province's settings, and the Word document to sign.
 */
export function Reminder({ agencyId, period }: { agencyId: string; period: string }) {
  const area = useRef<HTMLTextAreaElement>(null)
  const [deadline, setDeadline] = useState('')
  const [text, setText] = useState('')
  const [nothing, setNothing] = useState(false)
  // The deadline can only be a day after today (the service refuses any other).
  const tomorrow = new Date(Date.now() + 7 * 3_600_000 + 86_400_000).toISOString().slice(0, 10)
  const query = `period=${encodeURIComponent(period)}${deadline ? `&deadline=${deadline}` : ''}`
  const path = `/api/agencies/${encodeURIComponent(agencyId)}/reminder`
  useEffect(() => {
    let live = true
    readJson<{ text: string | null; nothing: string | null }>(`${path}?${query}`)
      .then((answer) => {
        if (!live) return
        // Nothing to remind: the service says why, and there is no letter to download.
        setNothing(answer.text === null)
        setText(answer.text ?? answer.nothing ?? '')
      })
      .catch((e: Error) => live && setText(e.message))
    return () => {
      live = false
    }
  }, [path, query])
  return (
    <section id="agency-reminder-section" class="no-print" aria-labelledby="reminder-title">
      <h2 id="reminder-title">Công văn đôn đốc</h2>
      <label class="stack">
        Hạn mới
        <input
          type="date"
          id="reminder-deadline"
          min={tomorrow}
          value={deadline}
          onChange={(e) => setDeadline((e.target as HTMLInputElement).value)}
        />
      </label>
      <label class="stack">
        Nội dung công văn
        <textarea id="agency-reminder" ref={area} readOnly rows={12} value={text} />
      </label>
      <p class="buttons">
        <button
          type="button"
          id="copy-agency-reminder"
          onClick={() =>
            void copyText(text, area.current ?? undefined).then(() =>
              showNotice('Đã sao chép nội dung công văn.'),
            )
          }
        >
          Sao chép
        </button>{' '}
        <button
          type="button"
          id="download-agency-reminder"
          disabled={nothing}
          onClick={() =>
            void downloadFile(
              `${path}.docx?${query}`,
              `cong-van-don-doc-${agencyId}-${period}.docx`,
            ).catch((e: Error) => showNotice(`Không tải được: ${e.message}`, 'error'))
          }
        >
          Tải công văn (.docx)
        </button>
      </p>
    </section>
  )
}
