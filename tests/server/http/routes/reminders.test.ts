import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import {
  buildReminderLetter,
  renderReminderText,
} from '../../../../server/consolidation/reminders.ts'
import {
  bearer,
  buildFilledWorkbook,
  createTestService,
  createUpload,
} from '../../../helpers/service.ts'

/** The text of a .docx read with Python's zipfile (an independent reader). */
function readDocxText(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-docx-'))
  try {
    const path = join(dir, 'cong-van.docx')
    writeFileSync(path, bytes)
    const xml = execFileSync(
      '/usr/bin/python3',
      [
        '-c',
        'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode())',
        path,
      ],
      { encoding: 'utf8' },
    )
    return [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

describe('reminders', () => {
  it('writes the Công văn đôn đốc with the missing report and the overdue tasks', () => {
    const letter = buildReminderLetter({
      province: 'Đắk Lắk',
      agencyName: 'Sở Tư pháp',
      periodLabel: 'Quý III/2026',
      due: '2026-09-16',
      today: '2026-09-20',
      submitted: true,
      overdue: [
        { stt: '3', content: 'Ban hành Kế hoạch kiểm tra công tác CCHC', due: '2026-03-31' },
      ],
    })
    expect(letter.to).toBe('Kính gửi: Sở Tư pháp.')
    expect(letter.place).toBe('Đắk Lắk, ngày 20 tháng 09 năm 2026')
    expect(letter.paragraphs).toContain(
      '- Nhiệm vụ 3: Ban hành Kế hoạch kiểm tra công tác CCHC (hạn 31/03/2026).',
    )
    expect(renderReminderText(letter)).toContain('UBND TỈNH ĐẮK LẮK\nSỞ NỘI VỤ')
  })

  it('serves the letter as .docx and the list of agencies to remind as .xlsx (admin only)', async () => {
    const { app, adminToken, agencyToken } = await createTestService()
    const res = await app.request('/api/submissions', {
      method: 'POST',
      headers: bearer(agencyToken('so-noi-vu')),
      body: createUpload(await buildFilledWorkbook(), { period: '2026-Q3' }),
    })
    expect(res.status).toBe(201)
    const docx = await app.request('/api/agencies/so-tai-chinh/reminder.docx?period=2026-Q3', {
      headers: bearer(adminToken),
    })
    expect(docx.status).toBe(200)
    const text = readDocxText(new Uint8Array(await docx.arrayBuffer()))
    expect(text).toContain('Kính gửi: Sở Tài chính.')
    expect(text).toContain(
      'Đến nay, Sở Nội vụ chưa nhận được báo cáo kết quả thực hiện nhiệm vụ cải cách hành chính Quý III/2026 của quý cơ quan (hạn gửi ngày 16/09/2026).',
    )
    const list = await app.request('/api/reminders.xlsx?period=2026-Q3', {
      headers: bearer(adminToken),
    })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await list.arrayBuffer())
    const ws = wb.getWorksheet('Cần đôn đốc')!
    const ids: string[] = []
    ws.eachRow((row, n) => n > 2 && ids.push(String(row.getCell(2).value)))
    expect(ids).toHaveLength(120)
    expect(ids).not.toContain('so-noi-vu')
    expect(ws.pageSetup.orientation).toBe('landscape')
    const forbidden = await app.request('/api/reminders.xlsx', {
      headers: bearer(agencyToken('so-noi-vu')),
    })
    expect(forbidden.status).toBe(403)
  })
})
