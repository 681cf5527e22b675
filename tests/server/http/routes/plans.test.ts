import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Report } from '../../../../core/index.ts'
import { readZipParts } from '../../../helpers/hostile.ts'
import { createZip } from '../../../helpers/zip.ts'
import { buildPlan2027Docx, fillColumn, fillProgress } from '../../../helpers/plan-documents.ts'
import { bearer, createTestService, createUpload } from '../../../helpers/service.ts'

type Service = Awaited<ReturnType<typeof createTestService>>
type Draft = {
  id: number
  planId: string
  plan: {
    id: string
    year: number
    rows: (Partial<Record<'stt' | 'content' | 'product' | 'lead' | 'deadline', string>> & {
      read?: unknown
    })[]
    doubts: { task: string | null; issue: { code: string } }[]
  }
  reading: { format: string; header: { mapping: { field: string | null }[] } }
  previousVersion: number | null
  changes: { kind: string; task: string }[]
}

let service: Service
let admin: Record<string, string>
const planId = 'dak-lak-2027-ke-hoach-cchc'

async function call(path: string, init: RequestInit & { headers?: Record<string, string> } = {}) {
  const res = await service.app.request(path, { ...init, headers: { ...admin, ...init.headers } })
  const type = res.headers.get('content-type') ?? ''
  const body = type.includes('json') ? await res.json() : new Uint8Array(await res.arrayBuffer())
  return { status: res.status, body: body as never, headers: res.headers }
}

const json = (method: string, body: unknown) => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
})

/** Uploads a unit's filled template for a period and returns the report it got. */
async function submit(agency: string, bytes: Uint8Array, period: string): Promise<Report> {
  const res = await service.app.request('/api/submissions', {
    method: 'POST',
    headers: bearer(service.agencyToken(agency)),
    body: createUpload(bytes, { period }),
  })
  expect(res.status).toBe(201)
  return ((await res.json()) as { report: Report }).report
}

beforeAll(async () => {
  service = await createTestService()
  admin = bearer(service.adminToken)
})

describe('/api/plans: from a Word appendix to a published plan and every unit’s template', () => {
  it('imports, lists the doubts, takes corrections, refuses to publish errors, then publishes', async () => {
    const upload = createUpload(await buildPlan2027Docx(), { id: planId }, 'ke-hoach-2027.docx')
    const created = await call('/api/plans', { method: 'POST', body: upload })
    expect(created.status).toBe(201)
    const draft = (created.body as { draft: Draft }).draft
    expect(draft).toMatchObject({
      planId,
      previousVersion: null,
      changes: [],
      reading: { format: 'docx' },
      plan: { id: planId, year: 2027, document: { number: '12/KH-UBND', date: '2027-01-05' } },
    })
    expect(draft.plan.doubts.map((d) => [d.task, d.issue.code])).toEqual([
      ['3', 'cell/invalid-deadline'],
      ['4', 'cell/required'],
    ])
    expect(draft.reading.header.mapping.map((m) => m.field)).toEqual([
      'stt',
      'content',
      'product',
      'lead',
      'coop',
      'deadline',
    ])
    const refused = await call(`/api/plans/drafts/${draft.id}/publish`, json('POST', {}))
    expect(refused).toMatchObject({ status: 422, body: { error: { code: 'plan/has-errors' } } })

    const rows = draft.plan.rows.map(({ read: _r, ...texts }) => texts)
    rows[2]!.deadline = 'Quý III/2027'
    rows[3]!.lead = 'Sở Nội vụ'
    const corrected = await call(`/api/plans/drafts/${draft.id}`, json('PUT', { rows }))
    expect(corrected.status).toBe(200)
    expect((corrected.body as { draft: Draft }).draft.plan.doubts).toEqual([])

    const published = await call(`/api/plans/drafts/${draft.id}/publish`, json('POST', {}))
    expect(published).toMatchObject({
      status: 201,
      body: {
        version: { planId, version: 1, year: 2027, effectiveFrom: '2027-01-01', changes: [] },
      },
    })
    const list = await call('/api/plans?year=2027')
    expect(list.body).toMatchObject({
      plans: [{ id: planId, year: 2027, shipped: false, versions: [{ version: 1, tasks: 4 }] }],
      drafts: [],
    })
  })

  it('lets a unit download its own template only, and Sở Nội vụ every unit’s as one .zip', async () => {
    const own = await call(`/api/plans/${planId}/template.xlsx`, {
      headers: bearer(service.agencyToken('so-tu-phap')),
    })
    expect(own.status).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(own.body as ArrayBuffer)
    const ws = workbook.getWorksheet('Phụ lục')!
    expect([ws.getCell(3, 1).value, ws.getCell(4, 1).value]).toEqual([
      'Đơn vị: Sở Tư pháp',
      'Kỳ báo cáo: Năm 2027',
    ])
    const other = await call(`/api/plans/${planId}/template.xlsx?agency=so-noi-vu`, {
      headers: bearer(service.agencyToken('so-tu-phap')),
    })
    expect(other).toMatchObject({ status: 403, body: { error: { code: 'auth/forbidden' } } })
    const refused = await call(`/api/plans/${planId}/templates.zip`, {
      headers: bearer(service.agencyToken('so-tu-phap')),
    })
    expect(refused.status).toBe(403)
    const zip = await call(`/api/plans/${planId}/templates.zip?period=2027-Q3`)
    expect(zip.headers.get('content-type')).toBe('application/zip')
    const names = readZipParts(zip.body).map((p) => p.name)
    // Every sở cooperates on tasks 1, 3 and 4, every xã on task 2; units the plan never names get none.
    const named = service.store.listAgencies().filter((a) => a.kind !== 'other')
    expect(names).toEqual(named.map((a) => `${planId}/${a.id}.xlsx`))
    expect(names).toContain(`${planId}/so-noi-vu.xlsx`)
  })

  it('a mid-year amendment changes the checks of reports after its date only', async () => {
    const template = (await call(`/api/plans/${planId}/template.xlsx?agency=so-noi-vu`))
      .body as Uint8Array
    const filled = await fillProgress(template, {
      '1': 'Đã hoàn thành',
      '2': 'Đang thực hiện',
      '3': 'Đang thực hiện',
      '4': 'Đang thực hiện',
    })
    // Sent before the amendment (another rendering of the same progress, not a duplicate of the later one).
    const before = await submit(
      'so-noi-vu',
      await fillProgress(filled, { '1': 'Hoàn thành' }),
      '2027-Q3',
    )
    // Under the first version, task 2 (Quý II/2027) is overdue at the third quarter's cut-off.
    expect(before.tasks.find((t) => t.stt === '2')?.status).toBe('overdue')

    const amend = await call(`/api/plans/${planId}/amend`, { method: 'POST' })
    expect(amend.status).toBe(201)
    const draft = (amend.body as { draft: Draft }).draft
    const rows = draft.plan.rows.map(({ read: _r, ...texts }) => texts)
    rows[1]!.deadline = 'Quý IV/2027'
    rows.splice(2, 1)
    rows.push({
      stt: '5',
      content: 'Đối thoại với doanh nghiệp',
      product: 'Báo cáo',
      lead: 'Sở Nội vụ',
      deadline: 'Quý IV/2027',
    })
    const changed = await call(
      `/api/plans/drafts/${draft.id}`,
      json('PUT', {
        rows,
        document: { kind: 'Quyết định', number: '99/QĐ-UBND', date: '2027-07-01' },
      }),
    )
    expect((changed.body as { draft: Draft }).draft).toMatchObject({
      previousVersion: 1,
      changes: [
        { kind: 'changed', task: '2' },
        { kind: 'added', task: '5' },
        { kind: 'removed', task: '3' },
      ],
    })
    const published = await call(`/api/plans/drafts/${draft.id}/publish`, json('POST', {}))
    expect(published).toMatchObject({
      status: 201,
      body: { version: { version: 2, effectiveFrom: '2027-07-01' } },
    })

    // A second-quarter report (cut-off 14/06/2027, before the amendment) is checked as before.
    const q2 = await submit('so-noi-vu', filled, '2027-Q2')
    expect(q2.issues.filter((i) => i.code.startsWith('plan/'))).toEqual([])
    expect(q2.summary.tasks).toBe(4)

    // The same table for the third quarter is checked against version 2 (the unit also reworded a
    // task of the plan, in a cell the template locks).
    const edited = await fillColumn(filled, 'Nội dung, nhiệm vụ', { '4': 'Tuyên truyền về CCHC' })
    const q3 = await submit('so-noi-vu', edited, '2027-Q3')
    expect(
      q3.issues.filter((i) => i.code.startsWith('plan/')).map((i) => [i.code, i.value]),
    ).toEqual([
      ['plan/task-missing', null],
      ['plan/deadline-changed', 'Quý II/2027'],
      ['plan/content-changed', 'Tuyên truyền về CCHC'],
      ['plan/task-removed', 'Rà soát, đơn giản hóa TTHC'],
    ])
    expect(q3.tasks.find((t) => t.stt === '2')).toMatchObject({
      status: 'in-progress',
      deadlineText: 'Quý IV/2027',
    })
    expect(q3.summary.tasks).toBe(3)
    expect(q3.summary.byStatus.overdue).toBe(0)

    // The consolidated workbook's per-task sheet follows version 2, amended tasks marked.
    const book = await call('/api/consolidated.xlsx?period=2027-Q3')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(book.body as ArrayBuffer)
    const byTask = workbook.getWorksheet('Theo nhiệm vụ')!
    // Under the agency × task grid, one line for each task the amendment touched, in the plan's order.
    const column = Array.from({ length: byTask.rowCount }, (_, i) => byTask.getCell(i + 1, 1).value)
    const notes = column.slice(column.indexOf('Theo kế hoạch') + 1)
    expect(notes).toEqual([
      '2. Kiểm tra công tác CCHC: Sửa đổi từ 01/07/2027 (99/QĐ-UBND) — thời gian thực hiện',
      '5. Đối thoại với doanh nghiệp: Bổ sung từ 01/07/2027 (99/QĐ-UBND)',
      '3. Rà soát, đơn giản hóa TTHC: Bãi bỏ từ 01/07/2027 (99/QĐ-UBND)',
      // The reworded task is not the plan's text: it stands apart.
      '4 (2). Tuyên truyền về CCHC: Nội dung khác kế hoạch',
    ])
    // Its column headers are the tasks' numbers, the reworded one told apart.
    expect(byTask.getRow(2).values).toEqual([
      undefined,
      'Cơ quan',
      '1',
      '2',
      '4 (1)',
      '5',
      '3',
      '4 (2)',
    ])
    const checks = workbook.getWorksheet('Đối chiếu')!
    const kinds = Array.from(
      { length: checks.rowCount - 2 },
      (_, i) => checks.getCell(i + 3, 2).value,
    )
    expect(kinds).toEqual([
      'Báo cáo sửa cột của kế hoạch đang có hiệu lực',
      'Báo cáo thiếu nhiệm vụ đơn vị phải thực hiện',
      'Báo cáo nhiệm vụ đã được bãi bỏ',
    ])
  })

  it('refuses agencies, unreadable files and unknown drafts with a Vietnamese message', async () => {
    const agency = await call('/api/plans', {
      method: 'POST',
      headers: bearer(service.agencyToken('so-tu-phap')),
      body: createUpload(await buildPlan2027Docx(), {}),
    })
    expect(agency.status).toBe(403)
    const text = await call('/api/plans', {
      method: 'POST',
      body: createUpload(new TextEncoder().encode('STT;Nội dung'), {}, 'ke-hoach.txt'),
    })
    expect(text).toMatchObject({ status: 415, body: { error: { code: 'document/not-supported' } } })
    // A Word zip bomb (its document part lies about its size) changes nothing.
    const bomb = createZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: Buffer.alloc(8 * 1024 * 1024, 0x20), declaredSize: 100 },
    ])
    const refused = await call('/api/plans', {
      method: 'POST',
      body: createUpload(bomb, {}, 'ke-hoach.docx'),
    })
    expect(refused).toMatchObject({ status: 422, body: { error: { code: 'document/unsafe' } } })
    expect(service.store.listPlanDrafts()).toHaveLength(0)
    const missing = await call('/api/plans/drafts/999')
    expect(missing).toMatchObject({ status: 404, body: { error: { code: 'plan/draft-unknown' } } })
    expect((missing.body as { error: { message: string } }).error.message).toMatch(/bản nháp/)
  })
})
