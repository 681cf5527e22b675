import type { Bilingual } from '../../core/index.ts'
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'

/** A usage mistake: printed with exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** Prints a message for the user on standard error; the exit code of a refused command is 2. */
export function fail(message: string): number {
  process.stderr.write(`${message}\n`)
  return 2
}

/** Reads a whole input file, bounded: a regular file of sane size only (see files.ts). */
export { readBoundedFile as readBytes } from './files.ts'

/** Writes an output file, creating its folder. */
export async function writeOut(path: string, data: ArrayBuffer | Uint8Array) {
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, data instanceof Uint8Array ? data : new Uint8Array(data))
}

/** Checks a YYYY-MM-DD flag value. */
export function parseIsoDate(text: string | undefined, flag: string): string | undefined {
  if (text === undefined) return undefined
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text))
    throw new UsageError(`${flag} cần dạng YYYY-MM-DD / expects YYYY-MM-DD: ${text}`)
  return text
}

/** The message for a failed command: what the user did wrong or what to do, never a stack trace. */
export function describeCliError(error: unknown, helpText: string): string {
  const failure = error as { name?: string; message?: string; code?: string; text?: Bilingual }
  if (
    (failure?.name === 'WorkbookError' ||
      failure?.name === 'DocumentError' ||
      failure?.name === 'PlanError') &&
    failure.text
  )
    return `${failure.text.vi}\n${failure.text.en}`
  if (failure?.name === 'UsageError' || failure?.name === 'ConfigError')
    return failure.message ?? ''
  if (error instanceof TypeError && failure.code?.startsWith('ERR_PARSE_ARGS'))
    return `${error.message}\n\n${helpText}`
  return `Lỗi không mong đợi / Unexpected error: ${failure?.message ?? String(error)}`
}

/** The flags every check command shares (`cchc validate`, `cchc sheets validate`). */
export const checkFlags = {
  sheet: { type: 'string' },
  'as-of': { type: 'string' },
  year: { type: 'string' },
  profile: { type: 'string' },
  agencies: { type: 'string' },
  json: { type: 'boolean' },
  fix: { type: 'boolean' },
  lang: { type: 'string' },
} as const
