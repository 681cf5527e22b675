import { crc32, deflateRawSync } from 'node:zlib'
import { writeZip } from '../../server/xlsx/zip.ts'

/** One entry of a crafted zip; `declaredSize` lies about the uncompressed size when given. */
export type ZipEntrySpec = {
  name: string
  data: Buffer | string
  declaredSize?: number
  store?: boolean
}

/** Builds a zip archive whose headers may lie (declared sizes), so tests can craft packages no library would write. */
export function createZip(entries: ZipEntrySpec[]): Uint8Array {
  return writeZip(
    entries.map((e) => {
      const raw = typeof e.data === 'string' ? Buffer.from(e.data) : e.data
      return {
        name: e.name,
        body: e.store ? raw : deflateRawSync(raw),
        method: e.store ? 0 : 8,
        crc: crc32(raw),
        size: e.declaredSize ?? raw.length,
      }
    }),
  )
}

const contentTypes =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>'

/** The bad inputs of SPEC section 7, each with the workbook error code it must get. */
export function createBadWorkbooks(
  real: Uint8Array,
): { name: string; bytes: Uint8Array; code: string }[] {
  const ole = Buffer.alloc(2048)
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole)
  const encrypted = Buffer.concat([ole, Buffer.from('EncryptedPackage', 'utf16le')])
  return [
    {
      name: 'not-xlsx',
      bytes: new TextEncoder().encode('STT,Nội dung\n1,Không phải bảng tính'),
      code: 'not-xlsx',
    },
    { name: 'legacy-xls', bytes: new Uint8Array(ole), code: 'legacy-xls' },
    { name: 'encrypted', bytes: new Uint8Array(encrypted), code: 'encrypted' },
    {
      name: 'ods',
      bytes: createZip([
        { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', store: true },
        { name: 'content.xml', data: '<x/>' },
      ]),
      code: 'ods',
    },
    { name: 'truncated', bytes: real.subarray(0, Math.floor(real.length / 2)), code: 'corrupt' },
    {
      name: 'zip-bomb',
      bytes: createZip([
        { name: '[Content_Types].xml', data: contentTypes },
        { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(20 * 1024 * 1024, 0x20) },
      ]),
      code: 'unsafe',
    },
    {
      name: 'lying-sizes',
      bytes: createZip([
        { name: '[Content_Types].xml', data: contentTypes },
        {
          name: 'xl/sharedStrings.xml',
          data: Buffer.alloc(5 * 1024 * 1024, 0x41),
          declaredSize: 1000,
        },
      ]),
      code: 'unsafe',
    },
    {
      name: 'path-escape',
      bytes: createZip([
        { name: '[Content_Types].xml', data: contentTypes },
        { name: 'xl/../../etc/evil.xml', data: '<x/>' },
      ]),
      code: 'unsafe',
    },
    {
      // An archive outside xl/embeddings/ (where Office keeps embedded objects) is nothing Office writes.
      name: 'nested',
      bytes: createZip([
        { name: '[Content_Types].xml', data: contentTypes },
        { name: 'xl/media/inner.zip', data: 'PK' },
      ]),
      code: 'unsafe',
    },
    {
      name: 'xlsb',
      bytes: createZip([
        { name: '[Content_Types].xml', data: contentTypes },
        { name: 'xl/workbook.bin', data: Buffer.from([0x83, 0x01, 0x00]) },
        { name: 'xl/worksheets/sheet1.bin', data: Buffer.from([0x81, 0x01, 0x00]) },
      ]),
      code: 'xlsb',
    },
    {
      name: 'dtd',
      bytes: createZip([
        { name: '[Content_Types].xml', data: contentTypes },
        {
          name: 'xl/workbook.xml',
          data: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><workbook>&b;</workbook>',
        },
      ]),
      code: 'unsafe',
    },
  ]
}
