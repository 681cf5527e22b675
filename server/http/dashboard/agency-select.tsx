import type { AgencyRecord } from '../../store/index.ts'
import { readJson } from './api.ts'
import { groupFilters } from './agency-filters.ts'
import { computeAgencyGroup } from '../../consolidation/outstanding.ts'
import { useResource } from './state.ts'

/** A labelled choice of a registered agency, grouped sở, ban, ngành / xã, phường (administrators). */
export function AgencySelect(props: {
  id: string
  label: string
  value: string
  onChange: (id: string) => void
}) {
  const agencies = useResource('agencies', () => readJson<AgencyRecord[]>('/api/agencies'))
  const list = agencies.status === 'ready' ? agencies.data : []
  return (
    <label>
      {props.label}
      <select
        id={props.id}
        value={props.value}
        required
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        <option value="">
          {agencies.status === 'loading' ? 'Đang tải danh sách…' : '— Chọn cơ quan —'}
        </option>
        {groupFilters.map((g) => (
          <optgroup key={g.id} label={g.label}>
            {list
              .filter((a) => computeAgencyGroup(a.kind) === g.id)
              .map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </label>
  )
}
