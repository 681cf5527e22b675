import { computeDatabasePath } from '../http/serve.ts'
import { createStore } from '../store/index.ts'
import { parseSheetLink } from '../sheets/target.ts'
import type { SheetLink } from '../store/index.ts'
import type { Args, dataFlags } from './flags.ts'
import { describeCliError } from './io.ts'

/** `cchc agency set-sheet ID URL [--data DIR]` (URL "-" removes it): the sheet the service pulls. */
export async function runSetSheet({
  values,
  positionals,
}: Args<typeof dataFlags>): Promise<number> {
  const [id, url] = positionals
  if (!id || !url) {
    process.stderr.write('Cách dùng / Usage: cchc agency set-sheet MÃ ĐƯỜNG_DẪN|- [--data data]\n')
    return 2
  }
  let link: SheetLink | null = null
  try {
    if (url !== '-') link = parseSheetLink(url)
  } catch (error) {
    process.stderr.write(`${describeCliError(error, '')}\n`)
    return 2
  }
  const store = createStore(computeDatabasePath(values.data))
  try {
    if (!store.getAgency(id)) {
      process.stderr.write(`Không có cơ quan / Unknown agency: ${id}\n`)
      return 2
    }
    if (!store.setSheet(id, link, new Date().toISOString())) {
      const owner = link ? store.findSheetOwner(link.spreadsheetId) : null
      process.stderr.write(
        `Bảng tính đã thuộc cơ quan khác / The spreadsheet is registered to another agency: ${owner ?? ''}\n`,
      )
      return 2
    }
    process.stdout.write(
      link === null
        ? `Đã bỏ Google Sheet của / Sheet removed for ${id}\n`
        : `Đã đăng ký Google Sheet cho / Sheet registered for ${id}: ${link.url}\n`,
    )
    return 0
  } finally {
    store.close()
  }
}
