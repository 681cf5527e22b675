import { vi } from 'vitest'

/** What the CLI printed since the last `capture()`; restore with `vi.restoreAllMocks()`. */
export const output = { out: '', err: '' }

/** Starts capturing stdout and stderr into `output`. */
export function capture(): void {
  output.out = ''
  output.err = ''
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((output.out += String(s)), true))
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((output.err += String(s)), true))
}
