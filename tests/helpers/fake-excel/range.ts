import {
  FakeProxy,
  type FakeEngine,
  guardColumns,
  guardFormat,
  guardHyperlinks,
  guardValues,
} from './context.ts'
import {
  applyInput,
  cellsOf,
  FakeOfficeError,
  formatBox,
  parseBox,
  touch,
  type Box,
  type FakeCell,
  type FakeSheet,
} from './model.ts'

export type Target = { sheet: FakeSheet; box: Box } | null
/** 'own': a `*OrNullObject` result; 'chained': got from a null object; 'none': must exist. */
type NullMode = 'none' | 'own' | 'chained'

/** getMergedAreasOrNullObject: "if the merged areas count in this range is more than 512, this method fails". */
export const mergedAreasLimit = 512

export class FakeRange extends FakeProxy {
  readonly format: {
    fill: { color: string; clear: () => void }
    font: { bold: boolean }
    wrapText: boolean
    columnWidth: number
    protection: { locked: boolean }
  }

  constructor(
    ctx: FakeEngine,
    private target: () => Target,
    private nullMode: NullMode = 'none',
  ) {
    super(ctx)
    const formatCells = (apply: (cell: FakeCell) => void, payload: unknown) =>
      ctx.enqueue(() => {
        const t = this.resolve()
        guardFormat(t.sheet)
        for (const row of cellsOf(t.box)) for (const a of row) apply(touch(t.sheet, a))
      }, payload)
    const read = <T>(name: string) => this.read<T>(name)
    this.format = {
      fill: {
        set color(value: string) {
          formatCells((c) => (c.fill = value.toUpperCase()), value)
        },
        get color(): string {
          return read<string>('format/fill/color')
        },
        clear: () => formatCells((c) => (c.fill = null), null),
      },
      font: {
        set bold(value: boolean) {
          formatCells((c) => (c.bold = value), value)
        },
      },
      set wrapText(value: boolean) {
        formatCells(() => {}, value)
      },
      set columnWidth(value: number) {
        ctx.enqueue(() => guardColumns(resolve().sheet), value)
      },
      protection: {
        set locked(value: boolean) {
          ctx.enqueue(() => {
            const t = resolve()
            if (t.sheet.protection.protected)
              throw new FakeOfficeError(
                'AccessDenied',
                'Cannot change locking on a protected sheet.',
              )
            for (const row of cellsOf(t.box)) for (const a of row) touch(t.sheet, a).locked = value
          }, value)
        },
      },
    } as FakeRange['format']
    const resolve = () => this.resolve()
  }

  /** The target of a command that writes: a null object cannot be written. */
  private resolve(): NonNullable<Target> {
    const t = this.target()
    if (t) return t
    if (this.nullMode === 'own')
      throw new FakeOfficeError(
        'InvalidObjectPath',
        'The object path isn\u2019t working for what you\u2019re trying to do (null object).',
      )
    throw new FakeOfficeError('ItemNotFound', 'The requested resource doesn\u2019t exist.')
  }

  get address(): string {
    return this.read('address')
  }
  get values(): unknown[][] {
    return this.read('values')
  }
  set values(values: unknown[][]) {
    this.ctx.enqueue(() => {
      const t = this.resolve()
      const rows = cellsOf(t.box)
      if (values.length !== rows.length || values.some((v, i) => v.length !== rows[i]!.length))
        throw new FakeOfficeError(
          'InvalidArgument',
          'The number of rows or columns in the input array doesn\u2019t match the size or dimensions of the range.',
        )
      const cells = rows.map((row) => row.map((a) => touch(t.sheet, a)))
      guardValues(t.sheet, cells.flat())
      cells.forEach((row, r) =>
        row.forEach((cell, c) => {
          const v = values[r]![c]
          if (typeof v === 'string' && v.length > 32767)
            throw new FakeOfficeError('InvalidArgument', 'A cell holds at most 32,767 characters.')
          applyInput(cell, v)
        }),
      )
    }, values)
  }
  /** Formulas where cells have one, else their values (as Office.js's `Range.formulas`). */
  get formulas(): unknown[][] {
    return this.read('formulas')
  }
  set formulas(formulas: unknown[][]) {
    this.ctx.enqueue(() => {
      const t = this.resolve()
      const cells = cellsOf(t.box).map((row) => row.map((a) => touch(t.sheet, a)))
      guardValues(t.sheet, cells.flat())
      cells.forEach((row, r) =>
        row.forEach((cell, c) => {
          const f = formulas[r]?.[c] ?? ''
          // A formula keeps its text; the fake cannot calculate, so its value is left as it was.
          if (typeof f === 'string' && f.startsWith('=')) cell.formula = f
          else applyInput(cell, f)
        }),
      )
    }, formulas)
  }
  get numberFormat(): string[][] {
    return this.read('numberFormat')
  }
  set numberFormat(formats: string[][]) {
    this.ctx.enqueue(() => {
      const t = this.resolve()
      guardFormat(t.sheet)
      cellsOf(t.box).forEach((row, r) =>
        row.forEach((a, c) => {
          touch(t.sheet, a).format = formats[r]?.[c] ?? formats[0]?.[0] ?? 'General'
        }),
      )
    }, formats)
  }
  get rowIndex(): number {
    return this.read('rowIndex')
  }
  get columnIndex(): number {
    return this.read('columnIndex')
  }
  get rowCount(): number {
    return this.read('rowCount')
  }
  get columnCount(): number {
    return this.read('columnCount')
  }
  set hyperlink(link: { documentReference?: string; address?: string; textToDisplay?: string }) {
    this.ctx.enqueue(() => {
      const t = this.resolve()
      const cell = touch(t.sheet, formatBox(t.sheet.name, t.box).split('!')[1]!.split(':')[0]!)
      guardValues(t.sheet, [cell])
      guardHyperlinks(t.sheet)
      cell.hyperlink = link.documentReference ?? link.address ?? null
      if (link.textToDisplay) cell.value = link.textToDisplay
    }, link)
  }

  load(props?: string | string[]) {
    const names = this.names(props)
    this.ctx.enqueue(() => {
      const t = this.nullMode === 'none' ? this.resolve() : this.target()
      this.loaded.set('isNullObject', t === null)
      if (!t) return null
      const rows = cellsOf(t.box)
      const all: Record<string, () => unknown> = {
        address: () => formatBox(t.sheet.name, t.box),
        values: () => rows.map((row) => row.map((a) => t.sheet.cells.get(a)?.value ?? '')),
        numberFormat: () =>
          rows.map((row) => row.map((a) => t.sheet.cells.get(a)?.format ?? 'General')),
        formulas: () =>
          rows.map((row) =>
            row.map((a) => {
              const cell = t.sheet.cells.get(a)
              return cell?.formula ?? cell?.value ?? ''
            }),
          ),
        rowIndex: () => t.box.top - 1,
        columnIndex: () => t.box.left - 1,
        rowCount: () => t.box.bottom - t.box.top + 1,
        columnCount: () => t.box.right - t.box.left + 1,
      }
      const out: Record<string, unknown> = {}
      for (const n of names) {
        const get = all[n]
        if (!get) throw new FakeOfficeError('InvalidArgument', `Unknown property '${n}'.`)
        this.loaded.set(n, (out[n] = get()))
      }
      return out
    })
    return this
  }

  getCellProperties(options: {
    address?: boolean
    format?: { fill?: { color?: boolean }; protection?: boolean | { locked?: boolean } }
  }) {
    const result: { value: unknown[][] } = {
      get value(): never {
        throw new FakeOfficeError(
          'PropertyNotLoaded',
          'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
        )
      },
    } as never
    this.ctx.enqueue(() => {
      const t = this.resolve()
      const value = cellsOf(t.box).map((row) =>
        row.map((a) => {
          const cell = t.sheet.cells.get(a)
          const format: Record<string, unknown> = {}
          if (options.format?.fill?.color) format.fill = { color: cell?.fill ?? '#FFFFFF' }
          if (options.format?.protection)
            format.protection = { locked: cell?.locked ?? true, formulaHidden: false }
          return {
            ...(options.address ? { address: formatBox(t.sheet.name, parseBox(a)) } : {}),
            ...(options.format ? { format } : {}),
          }
        }),
      )
      Object.defineProperty(result, 'value', { value })
      return value
    }, options)
    return result
  }

  getMergedAreasOrNullObject() {
    const areas = new FakeMergedAreas(this.ctx, this.target)
    return areas
  }

  /** `clear()` clears everything, formats included (cells go back to the locked Normal style). */
  clear(applyTo: 'All' | 'Formats' | 'Contents' = 'All') {
    this.ctx.enqueue(() => {
      const t = this.resolve()
      const cells = cellsOf(t.box)
        .flat()
        .map((a) => touch(t.sheet, a))
      if (applyTo !== 'Formats') guardValues(t.sheet, cells)
      if (applyTo !== 'Contents') guardFormat(t.sheet)
      for (const cell of cells) {
        if (applyTo !== 'Formats') applyInput(cell, '')
        if (applyTo !== 'Contents')
          Object.assign(cell, { format: 'General', fill: null, bold: false, locked: true })
      }
    }, applyTo)
  }

  select() {
    this.ctx.enqueue(() => {
      const t = this.resolve()
      this.ctx.model.selection = {
        sheet: t.sheet.name,
        address: formatBox(t.sheet.name, t.box).split('!')[1]!,
      }
    })
  }
}

class FakeMergedAreas extends FakeProxy {
  constructor(
    ctx: FakeEngine,
    private target: () => Target,
  ) {
    super(ctx)
  }
  get address(): string {
    return this.read('address')
  }
  load(_props?: string | string[]) {
    this.ctx.enqueue(() => {
      const t = this.target()
      const inside = t
        ? t.sheet.merges
            .map(parseBox)
            .filter(
              (m) =>
                m.top >= t.box.top &&
                m.bottom <= t.box.bottom &&
                m.left >= t.box.left &&
                m.right <= t.box.right,
            )
        : []
      if (inside.length > mergedAreasLimit)
        throw new FakeOfficeError(
          'GeneralException',
          `getMergedAreasOrNullObject: the range has ${inside.length} merged areas (more than ${mergedAreasLimit}).`,
        )
      this.loaded.set('isNullObject', inside.length === 0)
      if (!t || !inside.length) return null
      const address = inside.map((m) => formatBox(t.sheet.name, m)).join(', ')
      this.loaded.set('address', address)
      return address
    })
    return this
  }
}
