import {
  computePeriod,
  computeVietnamDate,
  parsePeriodInput,
  type Period,
} from '../../../core/index.ts'
import { AppError } from '../../errors/index.ts'

/** The period a query names as people write it ("2026-Q3", "Quý III/2026", "Q3/2026"), else the current one. */
export function readPeriodParam(value: string | undefined, now: Date): Period {
  if (value === undefined || value === '') return computePeriod(computeVietnamDate(now.getTime()))
  const period = parsePeriodInput(value)
  if (!period) throw new AppError('request/invalid-period', value.slice(0, 40))
  return period
}

/** The period a submission names; unlike a query, a submission must name one. */
export function requirePeriod(value: string | undefined): Period {
  const period = value ? parsePeriodInput(value) : null
  if (!period) throw new AppError('request/invalid-period', (value || '—').slice(0, 40))
  return period
}

/** A submission id from the path. */
export function readId(value: string): number {
  const id = Number(value)
  if (!Number.isSafeInteger(id) || id < 1) throw new AppError('submission/unknown')
  return id
}
