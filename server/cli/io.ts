import { parseIssuedValue, type IsoDate } from '../../core/index.ts'
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { AppError } from '../errors/index.ts'

/** Prints a message for the user on standard error; the exit code of a refused command is 2. */
export function fail(message: string): number {
  process.stderr.write(`${message}\n`)
  return 2
}

/** Writes an output file, creating its folder. */
export async function writeOut(path: string, data: ArrayBuffer | Uint8Array) {
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, data instanceof Uint8Array ? data : new Uint8Array(data))
}

/** Checks a YYYY-MM-DD flag value. */
export function parseIsoDate(text: string | undefined, flag: string): string | undefined {
  if (text === undefined) return undefined
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text))
    throw new AppError('cli/usage', `${flag} cần dạng YYYY-MM-DD / expects YYYY-MM-DD: ${text}`)
  return text
}

/** Reads `--issued YYYY-MM-DD`, the plan's issue date: a real calendar day, or a usage error. */
export function parseIssuedFlag(text: string | undefined): IsoDate | null {
  if (text === undefined) return null
  const issued = /^\d{4}-\d{2}-\d{2}$/.test(text) ? parseIssuedValue(text) : null
  if (!issued)
    throw new AppError(
      'cli/usage',
      `--issued cần ngày ban hành dạng YYYY-MM-DD / expects the issue date as YYYY-MM-DD: ${text}`,
    )
  return issued
}

/** The message for a failed command: what the user did wrong or what to do, never a stack trace. */
export function describeCliError(error: unknown, helpText: string): string {
  if (error instanceof AppError)
    return error.text.vi === error.text.en ? error.text.vi : `${error.text.vi}\n${error.text.en}`
  const code = (error as { code?: unknown })?.code
  if (error instanceof TypeError && typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))
    return `Tùy chọn hoặc tham số không hợp lệ / Invalid option or argument: ${error.message}\n\n${helpText}`
  return `Lỗi không mong đợi / Unexpected error: ${error instanceof Error ? error.message : String(error)}`
}
