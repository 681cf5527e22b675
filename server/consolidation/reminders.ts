import { computeVietnamDate, type IsoDate } from '../../core/index.ts'
import { formatOverdueList } from './overdue.ts'
import type { AgencyStatus, PeriodStatus } from './period-status.ts'

// Who Sở Nội vụ reminds for a period and of what, in the order it reminds them: the units that have not
// reported, then those that reported late, then those with overdue tasks, then those whose report
// still has errors. One reading for the reminder list, the letter to one unit and the letter to many.

/** An overdue task named in a reminder. */
export type ReminderItem = { stt: string | null; content: string; due: IsoDate | null }

/** What is true of one unit that a reminder speaks of. */
export type ReminderUnit = {
  id: string
  name: string
  kind: string
  submitted: boolean
  /** The day its report arrived (Vietnam), when it did. */
  submittedOn: IsoDate | null
  /** Days past the due date: of the arrival when late, else until today when still missing. */
  daysLate: number
  overdue: ReminderItem[]
  /** Errors to correct in the version that counts. */
  errors: number
  contact: string | null
}

/** Why a unit is reminded, in the order the list and the letters take them. */
export const reminderReasons = ['missing', 'late', 'overdue', 'errors'] as const
export type ReminderReason = (typeof reminderReasons)[number]

/** Whole days from one date to another (negative when `to` is earlier). */
export function countDays(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

/** The first reason a unit is reminded for, or null when there is nothing to remind it of. */
export function findReminderReason(unit: ReminderUnit): ReminderReason | null {
  if (!unit.submitted) return 'missing'
  if (unit.daysLate > 0) return 'late'
  if (unit.overdue.length) return 'overdue'
  if (unit.errors) return 'errors'
  return null
}

function readUnit(
  agency: AgencyStatus,
  status: PeriodStatus,
  today: IsoDate,
  contacts: Map<string, string>,
): ReminderUnit {
  const submittedOn = agency.submittedAt ? computeVietnamDate(Date.parse(agency.submittedAt)) : null
  return {
    id: agency.id,
    name: agency.name,
    kind: agency.kind,
    submitted: agency.submitted,
    submittedOn,
    daysLate: Math.max(0, countDays(status.due, submittedOn ?? today)),
    overdue: status.overdue
      .filter((t) => t.agencyId === agency.id)
      .map((t) => ({ stt: t.stt, content: t.content, due: t.due })),
    errors: agency.errors,
    // The registry's contact, else the e-mail addresses of the unit's accounts.
    contact: contacts.get(agency.id) ?? (agency.contacts.join(', ') || null),
  }
}

/**
 * The units to remind for a period as of a day, missing first, then late (longest first), then with
 * overdue tasks (most first), then with errors; each with what is true of it. `contacts` come from
 * the registry, which may not have them.
 */
export function computeReminderUnits(
  status: PeriodStatus,
  today: IsoDate,
  contacts: Map<string, string> = new Map(),
): ReminderUnit[] {
  const units = status.agencies
    .map((a) => readUnit(a, status, today, contacts))
    .filter((u) => findReminderReason(u) !== null)
  const rank = (u: ReminderUnit) => reminderReasons.indexOf(findReminderReason(u)!)
  return units.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      b.daysLate - a.daysLate ||
      b.overdue.length - a.overdue.length ||
      b.errors - a.errors,
  )
}

/** One unit as the reminders read it, whether or not it has something to be reminded of. */
export function computeReminderUnit(
  status: PeriodStatus,
  id: string,
  today: IsoDate,
  contacts: Map<string, string> = new Map(),
): ReminderUnit | null {
  const agency = status.agencies.find((a) => a.id === id)
  return agency ? readUnit(agency, status, today, contacts) : null
}

const reasonTitles: Record<ReminderReason, string> = {
  missing: 'Chưa gửi báo cáo',
  late: 'Gửi báo cáo chậm',
  overdue: 'Có nhiệm vụ quá hạn',
  errors: 'Báo cáo còn lỗi cần sửa',
}

/** A group of the reminder list ("Chưa gửi báo cáo (3)") and its units, each as the list says it. */
export type ReminderGroup = {
  title: string
  rows: { unit: ReminderUnit; state: string; overdue: string | null }[]
}

function describeState(unit: ReminderUnit): string {
  const parts = [
    unit.submitted ? (unit.daysLate ? 'Nộp muộn' : 'Đã nộp') : 'Chưa nộp',
    unit.overdue.length ? 'có nhiệm vụ quá hạn' : '',
    unit.errors ? 'còn lỗi' : '',
  ]
  return parts.filter(Boolean).join(', ')
}

/**
 * The reminder list planned (`computeReminderUnits`' order kept): one group per reason, titled with
 * its count, each unit with its state ("Nộp muộn, có nhiệm vụ quá hạn") and its overdue tasks by
 * deadline ("hạn 31/03/2026: 3, 8").
 */
export function planReminderList(units: ReminderUnit[]): ReminderGroup[] {
  const groups: ReminderGroup[] = []
  for (const unit of units) {
    const title = reasonTitles[findReminderReason(unit)!]
    let group = groups.find((g) => g.title === title)
    if (!group) groups.push((group = { title, rows: [] }))
    group.rows.push({
      unit,
      state: describeState(unit),
      overdue: unit.overdue.length
        ? formatOverdueList(unit.overdue.map((t) => ({ ...t, section: null })))
        : null,
    })
  }
  for (const g of groups) g.title = `${g.title} (${g.rows.length})`
  return groups
}
