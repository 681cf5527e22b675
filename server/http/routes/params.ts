import { computePeriod, computeVietnamDate, parsePeriod, type Period } from '../../../core/index.ts'
import { AppError } from '../../errors/index.ts'

/** The period a query names, else the current one. */
export function readPeriodParam(value: string | undefined, now: Date): Period {
  if (value === undefined || value === '') return computePeriod(computeVietnamDate(now.getTime()))
  const period = parsePeriod(value)
  if (!period) throw new AppError('request/invalid-period', value.slice(0, 40))
  return period
}

/** The period a submission names; unlike a query, a submission must name one. */
export function requirePeriod(value: string | undefined): Period {
  const period = value ? parsePeriod(value) : null
  if (!period) throw new AppError('request/invalid-period', (value || '—').slice(0, 40))
  return period
}

/** A submission id from the path. */
export function readId(value: string): number {
  const id = Number(value)
  if (!Number.isSafeInteger(id) || id < 1) throw new AppError('submission/unknown')
  return id
}
