import { Hono, type Context } from 'hono'
import { computeVietnamDate, type IsoDate, type Report } from '../../../core/index.ts'
import { readStatus, type PeriodStatus } from '../../consolidation/period-status.ts'
import {
  buildReminderLetter,
  renderReminderText,
  type ReminderError,
  type ReminderLetter,
} from '../../consolidation/reminder-letter.ts'
import {
  computeReminderUnit,
  computeReminderUnits,
  findReminderReason,
  planReminderList,
} from '../../consolidation/reminders.ts'
import { buildReminderDocx } from '../../docx/reminder-letter.ts'
import { readShippedSettings, type Catalog } from '../../province/catalog.ts'
import type { ProvinceSettings } from '../../province/config.ts'
import type { Principal, Store } from '../../store/index.ts'
import { buildReminderList } from '../../xlsx/reminders.ts'
import { AppError } from '../../errors/index.ts'
import { readPeriodParam } from './params.ts'

type Env = { Variables: { principal: Principal } }
type Services = {
  store: Store
  catalog: Catalog
  now: () => Date
  provinceSettings: ProvinceSettings | null
}

// Mounted at /api beside other resources: a guard per route, not a middleware over every /api path.
function requireAdminRole(principal: Principal): void {
  if (principal.role !== 'admin') throw new AppError('auth/forbidden')
}

/** The days an officer gets by default to answer a reminder. */
const defaultDays = 7

/** The new deadline the officer sets (`deadline=YYYY-MM-DD`, after today), else a week from today. */
export function readDeadlineParam(value: string | undefined, today: IsoDate): IsoDate {
  if (value === undefined || value === '') {
    const next = new Date(Date.parse(`${today}T00:00:00Z`) + defaultDays * 86_400_000)
    return next.toISOString().slice(0, 10)
  }
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
  if (!valid || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value)
    throw new AppError('request/invalid-deadline', value.slice(0, 20))
  if (value <= today) throw new AppError('request/invalid-deadline', value)
  return value
}

/** The errors of a unit's counted report, with their cells, as a letter names them. */
function readReportErrors(store: Store, submissionId: number | null): ReminderError[] {
  const json = submissionId === null ? null : store.getSubmissionReportJson(submissionId)
  if (!json) return []
  return (JSON.parse(json) as Report).issues
    .filter((i) => i.severity === 'error')
    .map((i) => ({
      cell: i.row !== null ? `${i.column ?? ''}${i.row}` : null,
      message: i.message.vi,
    }))
}

/** GET /api/agencies/:id/reminder(.docx), /api/reminders.docx and /api/reminders.xlsx (admin). */
export function createReminderRoutes(services: Services) {
  const { store } = services
  let shipped: Promise<ProvinceSettings> | null = null
  const readSettings = () =>
    services.provinceSettings
      ? Promise.resolve(services.provinceSettings)
      : (shipped ??= readShippedSettings())
  const contacts = () =>
    new Map(
      services.catalog.registry.agencies.flatMap((a) => (a.contact ? [[a.id, a.contact]] : [])),
    )

  /** What every reminder reads: the period's standing (every overdue task), today, the deadline. */
  function readContext(c: Context<Env>) {
    requireAdminRole(c.get('principal'))
    const period = readPeriodParam(c.req.query('period'), services.now())
    const today = computeVietnamDate(services.now().getTime())
    const status: PeriodStatus = readStatus(store, period, {
      today,
      overdueLimit: Number.POSITIVE_INFINITY,
    })
    return { period, today, status, deadline: readDeadlineParam(c.req.query('deadline'), today) }
  }

  async function readUnitLetter(c: Context<Env>): Promise<{ letter: ReminderLetter; id: string }> {
    const { status, today, deadline } = readContext(c)
    const id = c.req.param('id') ?? ''
    const unit = computeReminderUnit(status, id, today, contacts())
    if (!unit) throw new AppError('agency/unknown', id.slice(0, 60))
    if (findReminderReason(unit) === null) throw new AppError('reminder/nothing', unit.name)
    const agency = status.agencies.find((a) => a.id === id)!
    const letter = buildReminderLetter({
      settings: await readSettings(),
      periodLabel: status.label,
      due: status.due,
      today,
      deadline,
      units: [unit],
      errors: readReportErrors(store, agency.submissionId),
    })
    return { letter, id }
  }

  const docx = (c: Context<Env>, bytes: Uint8Array, name: string) => {
    c.header(
      'Content-Type',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    )
    c.header('Content-Disposition', `attachment; filename="${name}"`)
    return c.body(bytes as Uint8Array<ArrayBuffer>)
  }

  return new Hono<Env>()
    .get('/agencies/:id/reminder', async (c) => {
      // For the dashboard, a unit with nothing to remind is an answer, not a failure.
      try {
        const { letter } = await readUnitLetter(c)
        return c.json({ letter, text: renderReminderText(letter), nothing: null })
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'reminder/nothing') throw error
        return c.json({ letter: null, text: null, nothing: error.text.vi })
      }
    })
    .get('/agencies/:id/reminder.docx', async (c) => {
      const { letter, id } = await readUnitLetter(c)
      const period = readPeriodParam(c.req.query('period'), services.now())
      return docx(c, await buildReminderDocx(letter), `cong-van-don-doc-${id}-${period.id}.docx`)
    })
    .get('/reminders.docx', async (c) => {
      const { period, status, today, deadline } = readContext(c)
      const units = computeReminderUnits(status, today, contacts())
      if (!units.length) throw new AppError('reminder/nothing', status.label)
      const letter = buildReminderLetter({
        settings: await readSettings(),
        periodLabel: status.label,
        due: status.due,
        today,
        deadline,
        units,
      })
      return docx(c, await buildReminderDocx(letter), `cong-van-don-doc-${period.id}.docx`)
    })
    .get('/reminders.xlsx', async (c) => {
      const { period, status, today } = readContext(c)
      const settings = await readSettings()
      const workbook = buildReminderList(
        status,
        planReminderList(computeReminderUnits(status, today, contacts())),
        settings.province,
      )
      c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      c.header('Content-Disposition', `attachment; filename="don-doc-${period.id}.xlsx"`)
      return c.body(new Uint8Array(await workbook.xlsx.writeBuffer()) as Uint8Array<ArrayBuffer>)
    })
}
