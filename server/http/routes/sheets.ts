import type { sheets_v4 } from '@googleapis/sheets'
import { Hono } from 'hono'
import { z } from 'zod'
import { computePeriod, computeVietnamDate, parsePeriod, type Period } from '../../../core/index.ts'
import type { Intake } from '../../intake/receive.ts'
import type { PullOutcome, SheetsPullOptions } from '../../sheets/pull.ts'
import { requireAdmin } from '../auth.ts'
import type { Env } from '../context.ts'
import type { Store } from '../../store/index.ts'
import { AppError } from '../../errors/index.ts'

export type SheetsRouteDeps = {
  store: Store
  intake: Intake
  now: () => Date
  pull?: SheetsPullOptions | null
}

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
  // Loaded on first use, so that the service starts without the Google libraries.
  const { createAuthClient, createSheetsApi, readScopes } = await import('../../sheets/auth.ts')
  return createSheetsApi(await createAuthClient(process.env, readScopes))
}

/** Registering agencies' Google Sheets and pulling them (mounted by `createApp`). */
export function createSheetsRoutes(deps: SheetsRouteDeps) {
  const app = new Hono<Env>()
  const sheets = deps.store
  let current: PullState | null = null
  let running: Promise<void> | null = null

  app.put('/api/agencies/:id/sheet', async (c) => {
    const id = c.req.param('id')
    const p = c.get('principal')
    if (p.role === 'agency' && p.agencyId !== id) throw new AppError('auth/forbidden')
    if (!deps.store.getAgency(id)) throw new AppError('agency/unknown', id.slice(0, 60))
    const parsed = sheetBody.safeParse(await c.req.json().catch(() => null))
    if (!parsed.success) throw new AppError('request/invalid-body', 'url')
    const url = parsed.data.url || null
    if (url) {
      const { parseSheetTarget } = await import('../../sheets/target.ts')
      try {
        parseSheetTarget(url)
      } catch {
        throw new AppError('sheets/invalid-url')
      }
    }
    sheets.setSheet(id, url, deps.now().toISOString())
    return c.json({ agency: id, sheet: sheets.getSheet(id) })
  })

  app.get('/api/sheets', requireAdmin, (c) => {
    return c.json({ sheets: sheets.listSheets(), pull: current })
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
