import { Hono } from 'hono'
import { computeVietnamDate } from '../../../core/index.ts'
import type { Catalog } from '../../province/catalog.ts'
import { buildReminderLetter } from '../../consolidation/reminders.ts'
import { buildReminderDocx } from '../../docx/reminder-letter.ts'
import { readStatus } from '../../consolidation/period-status.ts'
import type { Principal, Store } from '../../store/index.ts'
import { buildReminderList } from '../../xlsx/reminders.ts'
import { readPeriodParam } from './params.ts'
import { AppError } from '../../errors/index.ts'

type Env = { Variables: { principal: Principal } }
type Services = { store: Store; catalog: Catalog; now: () => Date }

// Mounted at /api beside other resources: a guard per route, not a middleware over every /api path.
function requireAdminRole(principal: Principal): void {
  if (principal.role !== 'admin') throw new AppError('auth/forbidden')
}

/** GET /api/agencies/:id/reminder.docx and GET /api/reminders.xlsx (admin): reminders that go out. */
export function createReminderRoutes(services: Services) {
  const { store } = services
  return new Hono<Env>()
    .get('/agencies/:id/reminder.docx', async (c) => {
      requireAdminRole(c.get('principal'))
      const period = readPeriodParam(c.req.query('period'), services.now())
      const status = readStatus(store, period)
      const agency = status.agencies.find((a) => a.id === c.req.param('id'))
      if (!agency) throw new AppError('agency/unknown', c.req.param('id').slice(0, 60))
      const letter = buildReminderLetter({
        province: services.catalog.registry.province,
        agencyName: agency.name,
        periodLabel: status.label,
        due: status.due,
        today: computeVietnamDate(services.now().getTime()),
        submitted: agency.submitted,
        overdue: status.overdue.filter((t) => t.agencyId === agency.id),
      })
      c.header(
        'Content-Type',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      )
      c.header(
        'Content-Disposition',
        `attachment; filename="cong-van-don-doc-${agency.id}-${period.id}.docx"`,
      )
      return c.body((await buildReminderDocx(letter)) as Uint8Array<ArrayBuffer>)
    })
    .get('/reminders.xlsx', async (c) => {
      requireAdminRole(c.get('principal'))
      const period = readPeriodParam(c.req.query('period'), services.now())
      const workbook = buildReminderList(
        readStatus(store, period),
        services.catalog.registry.province,
      )
      c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      c.header('Content-Disposition', `attachment; filename="don-doc-${period.id}.xlsx"`)
      return c.body(new Uint8Array(await workbook.xlsx.writeBuffer()) as Uint8Array<ArrayBuffer>)
    })
}
