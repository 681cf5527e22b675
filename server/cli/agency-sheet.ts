import { parseArgs } from 'node:util'
import { computeDatabasePath } from '../http/serve.ts'
import { createStore } from '../store/index.ts'
import { parseSheetTarget } from '../sheets/target.ts'
import { describeCliError } from './io.ts'

/** `cchc agency set-sheet ID URL [--data DIR]` (URL "-" removes it): the sheet the service pulls. */
export async function runSetSheet(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { data: { type: 'string', default: 'data' } },
  })
  const [id, url] = positionals
  if (!id || !url) {
    process.stderr.write('Cách dùng / Usage: cchc agency set-sheet MÃ ĐƯỜNG_DẪN|- [--data data]\n')
    return 2
  }
  try {
    if (url !== '-') parseSheetTarget(url)
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
    store.setSheet(id, url === '-' ? null : url, new Date().toISOString())
    process.stdout.write(
      url === '-'
        ? `Đã bỏ Google Sheet của / Sheet removed for ${id}\n`
        : `Đã đăng ký Google Sheet cho / Sheet registered for ${id}: ${url}\n`,
    )
    return 0
  } finally {
    store.close()
  }
}
