import type { sheets_v4 } from '@googleapis/sheets'
import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { computePeriod, computeVietnamDate, parsePeriod, type Period } from '../../../core/index.ts'
import type { PullOutcome, SheetsPullOptions } from '../../sheets/pull.ts'
import { parseSheetLink } from '../../sheets/target.ts'
import { describePrincipal, logSecurityEvent, requireAdmin } from '../auth.ts'
import type { Env, Services } from '../context.ts'
import type { SheetLink } from '../../store/index.ts'
import { AppError } from '../../errors/index.ts'

export type SheetsRouteDeps = Services & { pull?: SheetsPullOptions | null }

/** A pull's progress as `GET /api/sheets/pull` shows it. */
export type PullState = {
  id: number
  period: string
  startedAt: string
  finishedAt: string | null
  total: number
  outcomes: PullOutcome[]
}

const sheetBody = z.object({ url: z.string().trim().max(500).nullable() })

async function createServiceApi(): Promise<sheets_v4.Sheets> {
  // Loaded on first use, so that the service starts without the Google libraries. The service's
  // own credentials only: never a person's cached `cchc sheets login`.
  const { createServiceAuthClient, createSheetsApi, readScopes } =
    await import('../../sheets/auth.ts')
  return createSheetsApi(createServiceAuthClient(process.env, readScopes))
}

/**
 * Registering agencies' Google Sheets and pulling them (mounted by `createApp`). Only an admin
 * registers or changes a sheet; an agency's change waits for an admin's approval. A spreadsheet
 * belongs to one agency, and only Google's own link form is kept.
 */
export function createSheetsRoutes(deps: SheetsRouteDeps) {
  const app = new Hono<Env>()
  const sheets = deps.store
  let current: PullState | null = null
  let running: Promise<void> | null = null

  /** The agency a sheet route names: its own for an agency, any registered one for an admin. */
  function readAgency(c: Context<Env>): string {
    const id = c.req.param('id') ?? ''
    const p = c.get('principal')
    if (p.role === 'agency' && p.agencyId !== id) throw new AppError('auth/forbidden')
    if (!deps.store.getAgency(id)) throw new AppError('agency/unknown', id.slice(0, 60))
    return id
  }

  /** The sheet, and the change waiting for approval, as an agency or an admin sees them. */
  function describeSheet(id: string) {
    const request = sheets.getSheetRequest(id)
    return {
      agency: id,
      sheet: sheets.getSheet(id),
      request: request && {
        url: request.url,
        requestedAt: request.requestedAt,
        requestedBy: request.requestedBy,
      },
    }
  }

  /** Registers a sheet for an agency (admin): 409 when another agency holds the spreadsheet. */
  function register(c: Context<Env>, id: string, link: SheetLink | null, event: string) {
    if (!sheets.setSheet(id, link, deps.now().toISOString())) throw new AppError('sheets/taken')
    logSecurityEvent(c, deps, event, `${id} ${link?.spreadsheetId ?? '-'}`)
    return c.json(describeSheet(id))
  }

  app.get('/api/agencies/:id/sheet', (c) => c.json(describeSheet(readAgency(c))))

  app.put('/api/agencies/:id/sheet', async (c) => {
    const id = readAgency(c)
    const parsed = sheetBody.safeParse(await c.req.json().catch(() => null))
    if (!parsed.success) throw new AppError('request/invalid-body', 'url')
    const link = parsed.data.url ? parseSheetLink(parsed.data.url) : null
    const owner = link && sheets.findSheetOwner(link.spreadsheetId)
    if (owner && owner !== id) throw new AppError('sheets/taken')
    if (c.get('principal').role === 'admin') return register(c, id, link, 'sheet.set')
    // An agency's change waits for an admin: until then the registered sheet stays as it was.
    sheets.requestSheet(id, link, deps.now().toISOString(), describePrincipal(c.get('principal')))
    logSecurityEvent(c, deps, 'sheet.requested', `${id} ${link?.spreadsheetId ?? '-'}`)
    return c.json(describeSheet(id), 202)
  })

  app.post('/api/agencies/:id/sheet/approve', requireAdmin, (c) => {
    const id = readAgency(c)
    const request = sheets.getSheetRequest(id)
    if (!request) throw new AppError('sheets/no-request')
    const link =
      request.url && request.spreadsheetId
        ? { url: request.url, spreadsheetId: request.spreadsheetId }
        : null
    return register(c, id, link, 'sheet.approved')
  })

  app.delete('/api/agencies/:id/sheet/request', (c) => {
    const id = readAgency(c)
    if (!sheets.deleteSheetRequest(id)) throw new AppError('sheets/no-request')
    logSecurityEvent(c, deps, 'sheet.request-discarded', id)
    return c.body(null, 204)
  })

  app.get('/api/sheets', requireAdmin, (c) => {
    return c.json({
      sheets: sheets.listSheets(),
      requests: sheets.listSheetRequests(),
      pull: current,
    })
  })

  app.post('/api/sheets/pull', requireAdmin, async (c) => {
    const text = c.req.query('period')
    const period: Period | null = text
      ? parsePeriod(text)
      : computePeriod(computeVietnamDate(deps.now().getTime()))
    if (!period) throw new AppError('request/invalid-period', (text ?? '').slice(0, 40))
    if (running) throw new AppError('sheets/pull-running')
    let api: sheets_v4.Sheets
    try {
      api = await (deps.pull?.createApi ?? createServiceApi)()
    } catch {
      throw new AppError('sheets/not-configured')
    }
    const { pullSheets } = await import('../../sheets/pull.ts')
    const state: PullState = {
      id: (current?.id ?? 0) + 1,
      period: period.id,
      startedAt: deps.now().toISOString(),
      finishedAt: null,
      total: sheets.listSheets().length,
      outcomes: [],
    }
    current = state
    // The pull is paced under Google's quota (about a second per sheet), longer than a request may
    // last: it runs on, and `GET /api/sheets/pull` shows its progress.
    running = pullSheets(
      {
        store: deps.store,
        intake: deps.intake,
        api,
        now: deps.now,
        ...(deps.pull?.sleep ? { sleep: deps.pull.sleep } : {}),
        ...(deps.pull?.readsPerMinute ? { readsPerMinute: deps.pull.readsPerMinute } : {}),
      },
      period,
      (outcome) => state.outcomes.push(outcome),
    )
      .then(() => undefined)
      .catch((error: unknown) => {
        console.error(`[cchc] sheets pull: ${(error as Error).message}`)
      })
      .finally(() => {
        state.finishedAt = deps.now().toISOString()
        running = null
      })
    return c.json({ pull: state }, 202)
  })

  app.get('/api/sheets/pull', requireAdmin, (c) => {
    return c.json({ pull: current })
  })

  return app
}
