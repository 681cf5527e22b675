import { useRef } from 'preact/hooks'
import { copyText, downloadFile } from './api.ts'
import { showNotice } from './state.ts'

/** An agency's Công văn đôn đốc: the text to copy, and the Word document to sign and send. */
export function Reminder({
  agencyId,
  period,
  text,
}: {
  agencyId: string
  period: string
  text: string
}) {
  const area = useRef<HTMLTextAreaElement>(null)
  return (
    <section id="agency-reminder-section" class="no-print" aria-labelledby="reminder-title">
      <h2 id="reminder-title">Công văn đôn đốc</h2>
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
          onClick={() =>
            void downloadFile(
              `/api/agencies/${encodeURIComponent(agencyId)}/reminder.docx?period=${encodeURIComponent(period)}`,
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
