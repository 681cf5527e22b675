import { clipSheetRanges } from './extent.ts'
import { buildZip, inflateEntry, readZipEntries } from './zip.ts'
import { AppError } from '../errors/index.ts'

/** Limits for a workbook package, checked before any XML is parsed. */
export const packageLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxEntries: 5_000,
  /** Every part is inflated against this total, media included: sizes are counted, never trusted. */
  maxUncompressed: 100 * 1024 * 1024,
  maxEntryUncompressed: 64 * 1024 * 1024,
  maxRatio: 250,
}

function hasUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = Buffer.from(text, 'utf16le')
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle)
}

function checkEntryName(name: string) {
  if (
    name.startsWith('/') ||
    name.includes('\\') ||
    name.split('/').includes('..') ||
    /^[a-z]:/i.test(name)
  )
    throw new AppError('workbook/unsafe', `entry name ${name}`)
  if (/\.(zip|xlsx|xlsm|gz)$/i.test(name))
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

/** A checked package: the bytes ExcelJS may read and its XML parts, inflated once (names as in the zip). */
export type CheckedPackage = { bytes: Uint8Array; parts: Map<string, Buffer> }

/**
 * Checks a workbook's bytes before parsing: what kind of file it is (xlsx, legacy xls, encrypted,
 * ods); that its zip is sound; that every part, media included, inflates to no more than it declares
 * and all of them to no more than a total budget; no entry escaping the package, no nested archives,
 * no XML declaring a DTD (entities are never expanded). Worksheet merges are counted and clipped to
 * the sheet's extent; when any is, the bytes returned are a rewritten package (the original bytes are
 * what gets stored). The XML parts come back inflated (clipped where clipped), for the fast reader.
 */
export function openPackage(bytes: Uint8Array): CheckedPackage {
  checkKind(bytes)
  const entries = readZipEntries(bytes, packageLimits.maxEntries)
  const names = new Set(entries.map((e) => e.name))
  if (names.has('mimetype') && !names.has('[Content_Types].xml')) throw new AppError('workbook/ods')
  if (!names.has('[Content_Types].xml') || ![...names].some((n) => n.startsWith('xl/')))
    throw new AppError('workbook/not-xlsx')
  let total = 0
  const parts = new Map<string, Buffer>()
  let clipped = false
  for (const e of entries) {
    checkEntryName(e.name)
    if (e.flags & 1) throw new AppError('workbook/encrypted')
    if (e.size > packageLimits.maxEntryUncompressed)
      throw new AppError('workbook/too-large', e.name)
    if (e.size > 1_000_000 && e.size / Math.max(e.compressed, 1) > packageLimits.maxRatio)
      throw new AppError('workbook/unsafe', `${e.name} compression ratio`)
    const data = inflateEntry(bytes, e, packageLimits.maxUncompressed - total)
    total += data.length
    if (!/\.(xml|rels|vml)$/i.test(e.name)) continue
    if (
      data.subarray(0, 4096).toString('latin1').includes('<!DOCTYPE') ||
      data.includes('<!ENTITY')
    )
      throw new AppError('workbook/unsafe', `DTD in ${e.name}`)
    parts.set(e.name, data)
    const ranged = data.includes('<mergeCell') || data.includes('dataValidation')
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(e.name) && ranged) {
      const xml = clipSheetRanges(data.toString('utf8'))
      if (xml !== null) {
        parts.set(e.name, Buffer.from(xml))
        clipped = true
      }
    }
  }
  if (!clipped) return { bytes, parts }
  // Rare: a package with an absurd merge is rebuilt, its other parts inflated again (already checked).
  const rebuilt = buildZip(
    entries.map((e) => ({
      name: e.name,
      data: parts.get(e.name) ?? inflateEntry(bytes, e, packageLimits.maxUncompressed),
    })),
  )
  return { bytes: rebuilt, parts }
}

/** The bytes ExcelJS may read (see openPackage). */
export function inspectPackage(bytes: Uint8Array): Uint8Array {
  return openPackage(bytes).bytes
}
