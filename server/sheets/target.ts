import { AppError } from '../errors/index.ts'

/** Which spreadsheet (and, from a link, which sheet) a user named. */
export type SheetTarget = { spreadsheetId: string; gid: number | null }

const idPattern = /^[A-Za-z0-9_-]{20,200}$/

/**
 * Reads a Google Sheets link or a bare spreadsheet id; the sheet comes from the link's `gid`. A link
 * must be Google's own (`https://docs.google.com/spreadsheets/…`): no other host, scheme, port or
 * user name (`javascript:…`, a link-local address) passes.
 * @example parseSheetTarget('https://docs.google.com/spreadsheets/d/1AbC…/edit#gid=42') // { spreadsheetId: '1AbC…', gid: 42 }
 */
export function parseSheetTarget(text: string): SheetTarget {
  const input = text.trim()
  if (idPattern.test(input)) return { spreadsheetId: input, gid: null }
  let url: URL
  try {
    url = new URL(input)
  } catch {
    throw new AppError('sheets/bad-target', input.slice(0, 80))
  }
  const google =
    (url.protocol === 'https:' || url.protocol === 'http:') &&
    url.hostname === 'docs.google.com' &&
    !url.port &&
    !url.username &&
    !url.password
  const id = /^\/spreadsheets\/(?:u\/\d+\/)?d\/([A-Za-z0-9_-]{20,200})(?:\/|$)/.exec(
    url.pathname,
  )?.[1]
  if (!google || !id) throw new AppError('sheets/bad-target', input.slice(0, 80))
  const gid = /(?:^|[#&?])gid=(\d{1,12})(?:$|[&#])/.exec(`${url.search}${url.hash}`)?.[1]
  return { spreadsheetId: id, gid: gid === undefined ? null : Number(gid) }
}

/**
 * The link the service keeps for a sheet an agency names: rebuilt from its spreadsheet id and sheet
 * (never the text as typed), so that only Google's own form is ever stored or shown.
 * @example parseSheetLink('https://docs.google.com/spreadsheets/u/1/d/1AbC…/edit?usp=sharing#gid=7') // { url: 'https://docs.google.com/spreadsheets/d/1AbC…/edit#gid=7', spreadsheetId: '1AbC…' }
 */
export function parseSheetLink(text: string): { url: string; spreadsheetId: string } {
  let target: SheetTarget
  try {
    target = parseSheetTarget(text)
  } catch {
    throw new AppError('sheets/invalid-url')
  }
  const { spreadsheetId, gid } = target
  const sheet = gid === null ? '' : `#gid=${gid}`
  return {
    url: `https://docs.google.com/spreadsheets/d/${spreadsheetId}/edit${sheet}`,
    spreadsheetId,
  }
}
