import { AppError } from '../errors/index.ts'

/** Which spreadsheet (and, from a link, which sheet) a user named. */
export type SheetTarget = { spreadsheetId: string; gid: number | null }

/**
 * Reads a Google Sheets link or a bare spreadsheet id; the sheet comes from the link's `gid`.
 * @example parseSheetTarget('https://docs.google.com/spreadsheets/d/1AbC…/edit#gid=42') // { spreadsheetId: '1AbC…', gid: 42 }
 */
export function parseSheetTarget(text: string): SheetTarget {
  const input = text.trim()
  if (/^[A-Za-z0-9_-]{20,}$/.test(input)) return { spreadsheetId: input, gid: null }
  let url: URL
  try {
    url = new URL(input)
  } catch {
    throw new AppError('sheets/bad-target', input.slice(0, 80))
  }
  const id = /\/spreadsheets\/(?:u\/\d+\/)?d\/([A-Za-z0-9_-]{20,})/.exec(url.pathname)?.[1]
  if (!id) throw new AppError('sheets/bad-target', input.slice(0, 80))
  const gid = /(?:^|[#&?])gid=(\d+)/.exec(`${url.search}${url.hash}`)?.[1]
  return { spreadsheetId: id, gid: gid === undefined ? null : Number(gid) }
}
