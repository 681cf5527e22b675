import { parseHexColor } from '../../core/index.ts'
import { commandBytes, formatRun, groupRuns, requestLimit, responseLimit } from './write.ts'

/**
 * What the cells a restore or new marks touch hold now: notes (with the notes API), fills and
 * whether each cell is locked (cell properties). One round trip for an ordinary sheet.
 */
export type Probe = {
  notes: Map<string, string | null>
  fills: Map<string, string | null>
  locked: Set<string>
  /** Cells that hold a formula (the agency's own computation, never replaced by a value). */
  formulas: Set<string>
}

type Pending = () => void

/** What to look up: notes of some cells, fills and locks of others, formulas of the cells to overwrite. */
export type ProbeRequest = {
  notes: readonly string[]
  cells: readonly string[]
  formulas: readonly string[]
}

/**
 * Queues the lookups on `sheet` (runs of a column share one call) and returns a reader to call
 * after the next sync. `sync` is called early when the lookups would pass the request limit.
 */
export async function queueProbe(
  sheet: Excel.Worksheet,
  request: ProbeRequest,
  sync: () => Promise<void>,
  probe: Probe,
): Promise<Pending[]> {
  const pending: Pending[] = []
  let bytes = 0
  let answer = 0
  // Both directions count: a cell's properties come back as about 100 bytes of JSON.
  const spend = async (commands: number, response: number) => {
    bytes += commands * commandBytes
    answer += response
    if (bytes < requestLimit && answer < responseLimit) return
    await sync()
    for (const read of pending.splice(0)) read()
    bytes = 0
    answer = 0
  }
  for (const address of new Set(request.notes)) {
    const note = sheet.notes.getItemOrNullObject(address)
    note.load('content')
    pending.push(() => probe.notes.set(address, note.isNullObject ? null : note.content))
    await spend(2, 2_000)
  }
  for (const run of groupRuns([...new Set(request.formulas)].map((address) => ({ address })))) {
    const range = sheet.getRange(formatRun(run))
    range.load('formulas')
    pending.push(() =>
      range.formulas.forEach((row, i) => {
        const f = row[0]
        if (typeof f === 'string' && f.startsWith('=')) probe.formulas.add(run.items[i]!.address)
      }),
    )
    await spend(2, run.items.length * 100)
  }
  for (const run of groupRuns([...new Set(request.cells)].map((address) => ({ address })))) {
    const props = sheet
      .getRange(formatRun(run))
      .getCellProperties({ format: { fill: { color: true }, protection: true } })
    pending.push(() =>
      props.value.forEach((row, i) => {
        const address = run.items[i]!.address
        probe.fills.set(address, parseHexColor(row[0]?.format?.fill?.color ?? null))
        if (row[0]?.format?.protection?.locked !== false) probe.locked.add(address)
      }),
    )
    await spend(2, run.items.length * 100)
  }
  return pending
}

export function createProbe(): Probe {
  return { notes: new Map(), fills: new Map(), locked: new Set(), formulas: new Set() }
}
