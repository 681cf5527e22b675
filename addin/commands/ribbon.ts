import { addinRegistry, findAddinProfile } from '../catalog.ts'
import { hasNotesApi, runCheck } from '../excel/check.ts'
import { describeExcelError } from '../excel/errors.ts'
import { computeDefaults, readSettings } from '../settings.ts'

/** What the ribbon command needs from its host (Office in Excel; a fake host in the tests). */
export type RibbonHost = {
  run: <T>(callback: (context: Excel.RequestContext) => Promise<T>) => Promise<T>
  /** Shows a message to the user (a small dialog in Excel). */
  notify: (text: string) => Promise<void>
  storage: Storage
  origin: string
  now: number
}

/**
 * The ribbon's "Kiểm tra": checks and marks the active sheet without opening the pane. The marks and
 * the "Kiểm tra" sheet are its output; anything that stops it, or cells a protected sheet kept
 * locked, is told to the user in Vietnamese (English after) with what to do.
 */
export async function runRibbonCheck(host: RibbonHost): Promise<string | null> {
  let message: string | null = null
  try {
    const saved = readSettings(host.storage, host.origin)
    const asOf = saved.asOf ?? computeDefaults(host.now).asOf
    const outcome = await host.run((context) =>
      runCheck(context, {
        asOf,
        registry: addinRegistry,
        profileFor: findAddinProfile,
        notes: hasNotesApi(),
      }),
    )
    if (!outcome.report.header)
      message =
        'Không tìm thấy bảng phụ lục (dòng tiêu đề có STT, Nội dung, Thời hạn…) trong trang tính đang mở. (No annex table was found on the active sheet.)'
    else if (outcome.skipped.length)
      message = `Đã kiểm tra. Trang tính được bảo vệ nên ${outcome.skipped.length} ô bị khóa không được đánh dấu; xem đủ danh sách lỗi ở trang "Kiểm tra". (Checked; ${outcome.skipped.length} locked cells were left unmarked.)`
  } catch (error) {
    const text = describeExcelError(error)
    message = `Kiểm tra không thành công: ${text.vi} (${text.en})`
  }
  if (message) await host.notify(message)
  return message
}
