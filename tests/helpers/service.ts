import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { Hono } from 'hono'
import { createApp, type AppLimits } from '../../server/http/app.ts'
import { readCatalog } from '../../server/province/catalog.ts'
import { readPlan } from '../../server/province/config.ts'
import { templatesDir } from '../../server/paths.ts'
import { fillSampleProgress } from '../../server/demo/sample.ts'
import { seedStore } from '../../server/http/serve.ts'
import { createStore } from '../../server/store/index.ts'
import { buildTemplate } from '../../server/xlsx/template.ts'

/** A service on a real temporary SQLite file, seeded with the Đắk Lắk 2026 registry, with a settable clock. */
export async function createTestService(limits: Partial<AppLimits> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-service-'))
  const store = createStore(join(dir, 'cchc.sqlite'))
  const catalog = await readCatalog()
  const clock = { now: new Date('2026-09-15T03:00:00Z') }
  const { adminToken } = seedStore(store, catalog, clock.now)
  const app = createApp({ store, catalog, now: () => clock.now, limits })
  const agencyToken = (id: string) => store.addToken(id, clock.now.toISOString()).token
  return { app, store, catalog, dir, clock, adminToken: adminToken!, agencyToken }
}

const filled = new Map<string, Promise<Uint8Array>>()

/** A template of a seed plan filled with the deterministic sample progress (cached per plan). */
export function buildFilledWorkbook(
  planId = 'dak-lak-2026-par-sipas',
  asOf = '2026-09-14',
): Promise<Uint8Array> {
  const key = `${planId}|${asOf}`
  let bytes = filled.get(key)
  if (!bytes) {
    bytes = (async () => {
      const plan = await readPlan(join(templatesDir, 'plans', `${planId}.json`))
      const workbook = buildTemplate(plan)
      fillSampleProgress(workbook, plan, asOf)
      return new Uint8Array(await workbook.xlsx.writeBuffer())
    })()
    filled.set(key, bytes)
  }
  return bytes
}

/** A multipart body as a browser or curl sends it. */
export function createUpload(
  bytes: Uint8Array,
  fields: Record<string, string>,
  fileName = 'bao-cao.xlsx',
): FormData {
  const form = new FormData()
  form.append('file', new Blob([bytes as BlobPart]), fileName)
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  return form
}

export function bearer(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` }
}

/** The sample workbook with its first not-started task reported done on 10/09/2026. */
export async function buildChangedWorkbook(): Promise<{ bytes: Uint8Array; row: number }> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load((await buildFilledWorkbook()) as unknown as ArrayBuffer)
  const ws = workbook.getWorksheet('Phụ lục')!
  let changed = 0
  ws.eachRow((row, n) => {
    row.eachCell((cell, col) => {
      if (!changed && cell.value === 'Chưa thực hiện') {
        cell.value = 'Đã hoàn thành'
        row.getCell(col + 1).value = new Date('2026-09-10T00:00:00Z')
        changed = n
      }
    })
  })
  return { bytes: new Uint8Array(await workbook.xlsx.writeBuffer()), row: changed }
}

/** Signs a person in through POST /api/login: the status, the session cookie, the CSRF token and the body. */
export async function signIn(app: { request: Hono['request'] }, email: string, password: string) {
  const res = await app.request('/api/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  const cookie = /cchc_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0] ?? ''
  const body = (await res.json()) as { csrfToken?: string; user?: unknown }
  const csrf = body.csrfToken ?? ''
  return {
    status: res.status,
    cookie,
    csrf,
    body,
    headers: { Cookie: cookie, 'X-CSRF-Token': csrf },
  }
}
