import { clipCellText, type Grid } from '../../core/index.ts'
import { AppError } from '../errors/index.ts'
import type { CheckedPackage } from './guard.ts'
import { readSheetXml, type SheetContext } from './sheet-xml.ts'
import { readDateStyles } from './styles.ts'
import { decodeEscapes, XmlCursor } from './xml.ts'

/**
 * The fast read-only view of a workbook that every check uses (CLI, service, demo): sheets in
 * workbook order with their visibility, each sheet's grid read on demand straight from the package's
 * XML. ExcelJS is loaded only when a workbook must be written (marks, fixes, clearing).
 */
export type SheetState = 'visible' | 'hidden' | 'veryHidden'
export type SheetView = { name: string; state: SheetState; readGrid(): Grid }
export type WorkbookView = { sheets: SheetView[] }

type Relationship = { type: string; target: string }

function readText(pkg: CheckedPackage, lookup: Map<string, string>, name: string): string | null {
  const actual = lookup.get(name.toLowerCase())
  const data = actual === undefined ? undefined : pkg.parts.get(actual)
  return data === undefined ? null : data.toString('utf8')
}

/** Resolves a relationship target against the folder of the part that owns it. */
function resolveTarget(base: string, target: string): string {
  const segments = target.startsWith('/') ? [] : base.split('/').slice(0, -1)
  for (const segment of target.replace(/^\/+/, '').split('/')) {
    if (segment === '..') segments.pop()
    else if (segment !== '.' && segment !== '') segments.push(segment)
  }
  return segments.join('/')
}

function readRelationships(xml: string | null, owner: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>()
  if (xml === null) return out
  const cursor = new XmlCursor(xml)
  while (cursor.next()) {
    if (cursor.name !== 'Relationship' || cursor.kind === 'close') continue
    const id = cursor.attribute('Id')
    const target = cursor.attribute('Target')
    if (!id || !target || cursor.attribute('TargetMode') === 'External') continue
    out.set(id, { type: cursor.attribute('Type') ?? '', target: resolveTarget(owner, target) })
  }
  return out
}

function relationshipsPart(part: string): string {
  const slash = part.lastIndexOf('/')
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`
}

/** Shared strings: plain or rich (runs joined); phonetic guides (rPh) are not part of the text. */
function readSharedStrings(xml: string | null): string[] {
  const strings: string[] = []
  if (xml === null) return strings
  const cursor = new XmlCursor(xml)
  let text: string | null = null
  while (cursor.next()) {
    const { name, kind } = cursor
    if (name === 'si') {
      if (kind === 'open') text = ''
      else if (kind === 'empty') strings.push('')
      else if (text !== null) {
        strings.push(clipCellText(decodeEscapes(text)))
        text = null
      }
    } else if (name === 'rPh' && kind === 'open') cursor.skip()
    else if (name === 't' && kind === 'open' && text !== null) text += cursor.readText()
  }
  return strings
}

const sheetStates = new Set<SheetState>(['visible', 'hidden', 'veryHidden'])

/** Opens the read-only view of a checked package. Throws AppError('workbook/corrupt') without a workbook part. */
export function readWorkbookView(pkg: CheckedPackage): WorkbookView {
  const lookup = new Map([...pkg.parts.keys()].map((name) => [name.toLowerCase(), name]))
  const root = readRelationships(readText(pkg, lookup, '_rels/.rels'), '')
  const office = [...root.values()].find((r) => r.type.endsWith('/officeDocument'))
  const bookPart = office?.target ?? 'xl/workbook.xml'
  const bookXml = readText(pkg, lookup, bookPart)
  if (bookXml === null) throw new AppError('workbook/corrupt', 'no workbook part')
  const rels = readRelationships(readText(pkg, lookup, relationshipsPart(bookPart)), bookPart)
  const partOf = (suffix: string) =>
    [...rels.values()].find((r) => r.type.endsWith(suffix))?.target ?? null

  let strings: string[] | null = null
  let dateStyles: ReturnType<typeof readDateStyles> | null = null
  let date1904 = false
  const context = (): SheetContext => {
    const sharedStrings = partOf('/sharedStrings')
    const styles = partOf('/styles')
    strings ??= readSharedStrings(sharedStrings ? readText(pkg, lookup, sharedStrings) : null)
    dateStyles ??= readDateStyles(styles ? readText(pkg, lookup, styles) : null)
    return { strings, dateStyles, date1904 }
  }

  const sheets: SheetView[] = []
  const cursor = new XmlCursor(bookXml)
  while (cursor.next()) {
    if (cursor.name === 'workbookPr' && cursor.kind !== 'close') {
      const flag = cursor.attribute('date1904')
      date1904 = flag === '1' || flag === 'true'
    }
    if (cursor.name !== 'sheet' || cursor.kind === 'close') continue
    const rel = rels.get(cursor.attribute('id') ?? '')
    if (!rel || !rel.type.endsWith('/worksheet')) continue
    const name = cursor.attribute('name') ?? ''
    const state = (cursor.attribute('state') ?? 'visible') as SheetState
    const part = rel.target
    sheets.push({
      name,
      state: sheetStates.has(state) ? state : 'visible',
      readGrid: () => readSheetXml(name, readText(pkg, lookup, part) ?? '', context()),
    })
  }
  return { sheets }
}
