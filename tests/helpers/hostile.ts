import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { inflateRawSync } from 'node:zlib'
import ExcelJS from 'exceljs'
import { readZipEntries } from '../../server/xlsx/zip.ts'
import { createZip, type ZipEntrySpec } from './zip.ts'

/** The parts of a zip package, inflated. */
export function readZipParts(bytes: Uint8Array): { name: string; data: Buffer }[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return readZipEntries(bytes, 5_000).map((e) => {
    const start =
      e.offset + 30 + buffer.readUInt16LE(e.offset + 26) + buffer.readUInt16LE(e.offset + 28)
    const data = buffer.subarray(start, start + e.compressed)
    return { name: e.name, data: e.method === 8 ? inflateRawSync(data) : Buffer.from(data) }
  })
}

async function buildSmallWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Phụ lục')
  ws.addRow(['STT', 'Nội dung thực hiện', 'Cơ quan chủ trì', 'Thời gian thực hiện'])
  ws.addRow([1, 'Rà soát, cập nhật danh mục thủ tục hành chính', 'Sở Nội vụ', 'Quý IV/2026'])
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

function replaceSheet(parts: ZipEntrySpec[], change: (xml: string) => string): Uint8Array {
  const sheet = parts.find((p) => p.name === 'xl/worksheets/sheet1.xml')!
  sheet.data = Buffer.from(change(String(sheet.data)))
  return createZip(parts)
}

/** A small workbook whose sheet merges A1:XFD1048576 (froze ExcelJS for 100 s, then died). */
export async function buildWholeSheetMergeWorkbook(): Promise<Uint8Array> {
  return replaceSheet(readZipParts(await buildSmallWorkbook()), (xml) =>
    xml.replace(
      /<mergeCells[^]*?<\/mergeCells>|(<\/sheetData>)/,
      '</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
    ),
  )
}

/**
 * A small table with drop-down lists as templates carry them: one over column E down to the sheet's
 * last row, one over the whole sheet (ExcelJS keeps a rule per covered cell: 1.5 s a column, forever
 * for the sheet).
 */
export async function buildWholeColumnListWorkbook(): Promise<Uint8Array> {
  const lists =
    '<dataValidations count="2">' +
    '<dataValidation type="list" allowBlank="1" sqref="E1:E1048576"><formula1>"Đã hoàn thành,Đang thực hiện"</formula1></dataValidation>' +
    '<dataValidation allowBlank="1" showInputMessage="1" promptTitle="Lưu ý" prompt="Nhập đúng mẫu" sqref="A1:XFD1048576"/>' +
    '</dataValidations>'
  return replaceSheet(readZipParts(await buildSmallWorkbook()), (xml) =>
    xml.replace('</sheetData>', `</sheetData>${lists}`),
  )
}

/** 5,000 rows each holding one cell in column XFD (20 s of CPU and 2.4 GB before). */
export async function buildPaddedRowsWorkbook(): Promise<Uint8Array> {
  const rows = Array.from(
    { length: 5000 },
    (_, i) => `<row r="${i + 1}"><c r="XFD${i + 1}" t="inlineStr"><is><t>x</t></is></c></row>`,
  ).join('')
  return replaceSheet(readZipParts(await buildSmallWorkbook()), (xml) =>
    xml.replace(/<sheetData>[^]*<\/sheetData>|<sheetData\/>/, `<sheetData>${rows}</sheetData>`),
  )
}

/** A real workbook plus an xl/media part that declares 1 KB but inflates to 16 MB. */
export async function buildLyingMediaWorkbook(real: Uint8Array): Promise<Uint8Array> {
  const parts: ZipEntrySpec[] = readZipParts(real)
  parts.push({
    name: 'xl/media/image1.png',
    data: Buffer.alloc(16 * 1024 * 1024),
    declaredSize: 1024,
  })
  return createZip(parts)
}

/** A free loopback port. */
export function findFreePort(): Promise<number> {
  return new Promise((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => done(port))
    })
  })
}

const root = new URL('../../', import.meta.url).pathname

/** Starts `cchc serve` (supervised) in its own process and waits until it answers /healthz. */
export async function spawnService(
  dataDir: string,
  port: number,
  env: Record<string, string>,
): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [join(root, 'bin/cchc.mjs'), 'serve', '--port', String(port), '--data', dataDir],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] },
  )
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`cchc serve exited: ${stderr}`)
    if (Date.now() > deadline) throw new Error(`cchc serve did not start: ${stderr}`)
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) return child
    await new Promise((done) => setTimeout(done, 200))
  }
}

/** Polls /healthz every 100 ms while `work` runs; returns the work's result and the slowest answer. */
export async function pollHealthDuring<T>(
  url: string,
  work: () => Promise<T>,
): Promise<{ result: T; slowestMs: number; polls: number; failures: number }> {
  let running = true
  let slowestMs = 0
  let polls = 0
  let failures = 0
  const poller = (async () => {
    while (running) {
      const start = performance.now()
      const ok = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) }).then(
        async (r) => r.ok && (await r.text()) === 'ok',
        () => false,
      )
      slowestMs = Math.max(slowestMs, performance.now() - start)
      polls++
      if (!ok) failures++
      await new Promise((done) => setTimeout(done, 100))
    }
  })()
  try {
    const result = await work()
    return { result, slowestMs, polls, failures }
  } finally {
    running = false
    await poller
  }
}

/** The peak resident memory of a process (VmHWM), in MB. */
export function readPeakMemoryMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024
}
