import { fieldKeys, parseColumnChoices, type ColumnChoices } from '../../core/index.ts'
import { AppError } from '../errors/index.ts'

// Its own module: io.ts stays free of core so that `cchc --help` loads nothing of it.

/** Reads `--columns deadline=F,expected=C,note=`, refusing field names it does not know. */
export function readColumnsFlag(text: string): ColumnChoices {
  const { choices, unknown } = parseColumnChoices(text)
  if (unknown.length)
    throw new AppError(
      'cli/usage',
      `--columns: không biết trường / unknown field ${unknown.map((u) => `“${u}”`).join(', ')}. ` +
        `Trường / Fields: ${fieldKeys.join(', ')}`,
    )
  return choices
}
