import { Hono } from 'hono'
import { computeVietnamDate } from '../../../core/index.ts'
import { requireAdmin } from '../auth.ts'
import type { Env, Services } from '../context.ts'
import { computeOutstanding } from '../../consolidation/outstanding.ts'
import { readStatus } from '../../consolidation/period-status.ts'
import { buildMissingList } from '../../xlsx/missing-list.ts'
import { readPeriodParam } from './params.ts'

/**
 * GET /api/status: every agency's standing for a period (an agency sees only its own row);
 * GET /api/status/missing.xlsx: the agencies still to send, as a workbook (admin).
 */
export function createStatusRoutes(services: Services) {
  const read = (period: string | undefined) =>
    readStatus(services.store, readPeriodParam(period, services.now()), {
      today: computeVietnamDate(services.now().getTime()),
    })
  return new Hono<Env>()
    .get('/', (c) => {
      const status = read(c.req.query('period'))
      const p = c.get('principal')
      if (p.role === 'agency')
        return c.json({
          ...status,
          agencies: status.agencies.filter((a) => a.id === p.agencyId),
          overdue: status.overdue.filter((t) => t.agencyId === p.agencyId),
        })
      return c.json(status)
    })
    .get('/missing.xlsx', requireAdmin, async (c) => {
      const status = read(c.req.query('period'))
      const workbook = buildMissingList(
        status,
        computeOutstanding(status),
        services.catalog.registry.province,
      )
      c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      c.header('Content-Disposition', `attachment; filename="chua-gui-${status.period}.xlsx"`)
      return c.body(new Uint8Array(await workbook.xlsx.writeBuffer()) as Uint8Array<ArrayBuffer>)
    })
}
