import { AppError } from '../errors/index.ts'
import { checkSheetMerges } from './extent.ts'
import { inflateEntry, readZipEntries, type ZipEntry } from './zip.ts'

/** Limits for a workbook package, checked before any XML is parsed. */
export const packageLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxEntries: 5_000,
  /** Every part is inflated against this total, media included: sizes are counted, never trusted. */
  maxUncompressed: 100 * 1024 * 1024,
  maxEntryUncompressed: 64 * 1024 * 1024,
  /** A part we parse (XML) may not compress better than this: an honest bomb is refused unread. */
  maxRatio: 250,
}

function hasUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = Buffer.from(text, 'utf16le')
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle)
}

/** Office keeps embedded objects (other workbooks, OLE objects such as `oleObject1.bin`) here. */
function isEmbedded(name: string): boolean {
  return /^xl\/embeddings\//i.test(name)
}

function isXmlPart(name: string): boolean {
  return /\.(xml|rels|vml)$/i.test(name)
}

function checkEntryName(name: string) {
  if (
    name.startsWith('/') ||
    name.includes('\\') ||
    name.split('/').includes('..') ||
    /^[a-z]:/i.test(name)
  )
    throw new AppError('workbook/unsafe', `entry name ${name}`)
  // An archive anywhere but among the embedded objects is nothing Office writes.
  if (!isEmbedded(name) && /\.(zip|xlsx|xlsm|gz)$/i.test(name))
    throw new AppError('workbook/unsafe', `nested archive ${name}`)
}

function checkKind(bytes: Uint8Array) {
  if (bytes.length > packageLimits.maxBytes) throw new AppError('workbook/too-large')
  if (
    bytes.length >= 8 &&
    bytes[0] === 0xd0 &&
    bytes[1] === 0xcf &&
    bytes[2] === 0x11 &&
    bytes[3] === 0xe0
  ) {
    throw new AppError(
      hasUtf16(bytes, 'EncryptedPackage') ? 'workbook/encrypted' : 'workbook/legacy-xls',
    )
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b)
    throw new AppError('workbook/not-xlsx')
}

/**
 * A workbook package checked once and handed on: its entries, its parts inflated once (the XML
 * parts always; every part but the embedded objects when opened to be written), and the embedded
 * objects it carries, listed and never opened. The reader, the marker (ExcelJS) and the fix path
 * all take this, so a package is inflated once whatever is done with it.
 */
export type CheckedPackage = {
  bytes: Uint8Array
  entries: ZipEntry[]
  parts: Map<string, Buffer>
  embedded: string[]
}

/**
 * Checks a workbook's bytes before anything parses them: what kind of file it is (xlsx, legacy xls,
 * encrypted, ods, binary .xlsb); that its zip is sound; that every part we read or hand to ExcelJS,
 * media included, inflates to no more than it declares and all of them to no more than a total
 * budget; no entry escaping the package, no archive outside the embedded objects, no XML declaring
 * a DTD (entities are never expanded); worksheet merges counted and a whole-sheet merge refused.
 * With `write`, every part is kept inflated for ExcelJS (see buildLoadableZip).
 */
export function openPackage(bytes: Uint8Array, options: { write?: boolean } = {}): CheckedPackage {
  checkKind(bytes)
  const entries = readZipEntries(bytes, packageLimits.maxEntries)
  const names = new Set(entries.map((e) => e.name))
  if (names.has('mimetype') && !names.has('[Content_Types].xml')) throw new AppError('workbook/ods')
  if (!names.has('[Content_Types].xml') || ![...names].some((n) => n.startsWith('xl/')))
    throw new AppError('workbook/not-xlsx')
  if ([...names].some((n) => /^xl\/workbook\.bin$/i.test(n))) throw new AppError('workbook/xlsb')
  let total = 0
  const parts = new Map<string, Buffer>()
  const embedded: string[] = []
  for (const e of entries) {
    checkEntryName(e.name)
    if (e.flags & 1) throw new AppError('workbook/encrypted')
    // Embedded objects are never parsed nor handed to ExcelJS (it drops them): listed, not inflated.
    if (isEmbedded(e.name)) {
      if (!e.name.endsWith('/')) embedded.push(e.name)
      continue
    }
    if (e.size > packageLimits.maxEntryUncompressed)
      throw new AppError('workbook/too-large', e.name)
    const xml = isXmlPart(e.name)
    if (xml && e.size > 1_000_000 && e.size / Math.max(e.compressed, 1) > packageLimits.maxRatio)
      throw new AppError('workbook/unsafe', `${e.name} compression ratio`)
    const data = inflateEntry(bytes, e, packageLimits.maxUncompressed - total)
    total += data.length
    if (!xml) {
      if (options.write) parts.set(e.name, data)
      continue
    }
    if (
      data.subarray(0, 4096).toString('latin1').includes('<!DOCTYPE') ||
      data.includes('<!ENTITY')
    )
      throw new AppError('workbook/unsafe', `DTD in ${e.name}`)
    parts.set(e.name, data)
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(e.name) && data.includes('mergeCell'))
      checkSheetMerges(data.toString('utf8'))
  }
  return { bytes, entries, parts, embedded }
}
