import { addinRegistry, findAddinProfile } from '../catalog.ts'
import { hasNotesApi, runCheck } from '../excel/check.ts'
import { describeExcelError } from '../excel/errors.ts'
import { describeCheck } from '../taskpane/feedback.ts'
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
    // The marks are the answer; the user is told only what the check could not do.
    if (
      outcome.skipped.length ||
      outcome.unrestored.length ||
      outcome.pendingNotes ||
      outcome.formulas.length
    )
      message = describeCheck(outcome).text
  } catch (error) {
    const text = describeExcelError(error)
    message = `Kiểm tra không thành công: ${text.vi} (${text.en})`
  }
  if (message) await host.notify(message)
  return message
}
