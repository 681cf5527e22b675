import { PassThrough, Readable } from 'node:stream'
import { Hono } from 'hono'
import { logSecurityEvent, requireAdmin } from '../auth.ts'
import { computeConsolidatedSheets } from '../../consolidation/plan.ts'
import type { Env, Services } from '../context.ts'
import { readConsolidatedInput } from '../../consolidation/period-status.ts'
import { writeConsolidated } from '../../xlsx/consolidated.ts'
import { readPeriodParam } from './params.ts'

/** GET /api/consolidated.xlsx: the provincial workbook, streamed (admin only). */
export function createConsolidatedRoutes(services: Services) {
  return new Hono<Env>().use(requireAdmin).get('/', (c) => {
    const period = readPeriodParam(c.req.query('period'), services.now())
    services.plans.refresh()
    const input = readConsolidatedInput(services.store, period, services.now(), services.catalog)
    const sheets = computeConsolidatedSheets(input)
    const stream = new PassThrough()
    writeConsolidated(sheets, stream, {
      province: input.province ?? '',
      period: input.label,
    }).catch((error: unknown) => stream.destroy(error as Error))
    c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    c.header('Content-Disposition', `attachment; filename="tong-hop-cchc-${period.id}.xlsx"`)
    c.header('X-Content-Type-Options', 'nosniff')
    logSecurityEvent(c, services, 'download.consolidated', period.id)
    return c.body(Readable.toWeb(stream) as ReadableStream)
  })
}
