/**
 * An in-memory Excel host for the subset of Office.js the add-in uses, faithful to its shapes:
 * proxies whose commands are queued and run in order at `context.sync()`, properties that throw
 * until loaded and synced, `*OrNullObject` methods, used ranges resolved when the command runs,
 * merged areas, number formats, fills, notes, hyperlinks, hidden sheets, and Excel on the web's
 * 5 MB request limit. It counts round trips. No Node built-ins: it also runs in the browser.
 */

export type FakeCell = {
  value: unknown
  format: string
  fill: string | null
  bold: boolean
  hyperlink: string | null
}
export type FakeSheet = {
  name: string
  visibility: 'Visible' | 'Hidden' | 'VeryHidden'
  cells: Map<string, FakeCell>
  merges: string[]
  notes: Map<string, string>
  frozenRows: number
}
export type FakeWorkbook = {
  sheets: FakeSheet[]
  active: string
  selection: { sheet: string; address: string } | null
}

/** Excel on the web's limit on one request's payload. */
export const fakeRequestLimit = 5 * 1024 * 1024

export class FakeOfficeError extends Error {
  code: string
  constructor(code: string, message: string) {
    super(`${code}: ${message}`)
    this.code = code
  }
}

// Address helpers of its own: the fake must not share code with the adapter it checks.
function letters(n: number): string {
  let s = ''
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26))
    s = String.fromCharCode(65 + ((x - 1) % 26)) + s
  return s
}
function number(col: string): number {
  let n = 0
  for (const ch of col) n = n * 26 + ch.charCodeAt(0) - 64
  return n
}
type Box = { top: number; left: number; bottom: number; right: number }
function parseBox(address: string): Box {
  const bare = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '')
  const [a, b] = bare.split(':')
  const read = (ref: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref)
    if (!m)
      throw new FakeOfficeError(
        'InvalidArgument',
        `The argument is invalid or missing or has an incorrect format: ${address}`,
      )
    return { row: Number(m[2]), col: number(m[1]!) }
  }
  const s = read(a!)
  const e = b ? read(b) : s
  return { top: s.row, left: s.col, bottom: e.row, right: e.col }
}
function formatBox(sheet: string, box: Box): string {
  const q = /^[A-Za-z0-9_]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`
  const a = `${letters(box.left)}${box.top}`
  const b = `${letters(box.right)}${box.bottom}`
  return `${q}!${a === b ? a : `${a}:${b}`}`
}

/** Builds a workbook from rows of values (row 1 first), optional formats by address, merges and extra sheets. */
export function createFakeWorkbook(
  sheets: {
    name: string
    rows: unknown[][]
    formats?: Record<string, string>
    merges?: string[]
    visibility?: FakeSheet['visibility']
  }[],
): FakeWorkbook {
  return {
    sheets: sheets.map((s) => {
      const cells = new Map<string, FakeCell>()
      s.rows.forEach((row, r) =>
        row.forEach((value, c) => {
          if (value === null || value === undefined || value === '') return
          const address = `${letters(c + 1)}${r + 1}`
          cells.set(address, {
            value,
            format: s.formats?.[address] ?? 'General',
            fill: null,
            bold: false,
            hyperlink: null,
          })
        }),
      )
      for (const [address, format] of Object.entries(s.formats ?? {})) {
        const cell = cells.get(address)
        if (cell) cell.format = format
      }
      return {
        name: s.name,
        visibility: s.visibility ?? 'Visible',
        cells,
        merges: s.merges ?? [],
        notes: new Map(),
        frozenRows: 0,
      }
    }),
    active: sheets[0]!.name,
    selection: null,
  }
}

/** The value a cell shows, as Office.js returns it ('' for empty). */
export function readFakeValue(sheet: FakeSheet, address: string): unknown {
  return sheet.cells.get(address)?.value ?? ''
}

type Op = { bytes: number; run: () => void }

/** A request context over a fake workbook; `syncs` counts round trips. */
export class FakeContext {
  readonly workbook: { worksheets: FakeWorksheetCollection }
  syncs = 0
  largestRequest = 0
  private queue: Op[] = []

  constructor(readonly model: FakeWorkbook) {
    this.workbook = { worksheets: new FakeWorksheetCollection(this) }
  }

  enqueue(run: () => void, payload: unknown = null): void {
    this.queue.push({ bytes: 64 + (payload === null ? 0 : JSON.stringify(payload).length), run })
  }

  async sync(): Promise<void> {
    const ops = this.queue
    this.queue = []
    this.syncs++
    const bytes = ops.reduce((n, op) => n + op.bytes, 0)
    this.largestRequest = Math.max(this.largestRequest, bytes)
    if (bytes > fakeRequestLimit)
      throw new FakeOfficeError(
        'RequestPayloadSizeLimitExceeded',
        `The request payload size has exceeded the limit (${bytes} bytes).`,
      )
    await Promise.resolve()
    for (const op of ops) op.run()
  }

  sheet(name: string): FakeSheet | null {
    return this.model.sheets.find((s) => s.name === name) ?? null
  }
}

/** The base of every proxy: properties are readable only after load() and sync(). */
class FakeProxy {
  protected loaded = new Map<string, unknown>()
  protected synced = false
  constructor(protected ctx: FakeContext) {}

  protected read<T>(name: string): T {
    if (!this.loaded.has(name)) {
      throw new FakeOfficeError(
        'PropertyNotLoaded',
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      )
    }
    return this.loaded.get(name) as T
  }

  get isNullObject(): boolean {
    return this.read<boolean>('isNullObject')
  }

  protected names(props: string | string[] | Record<string, unknown> | undefined): string[] {
    if (props === undefined) return []
    if (typeof props === 'string')
      return props
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)
    if (Array.isArray(props)) return props
    return Object.keys(props)
  }
}

type SheetRef = { get: () => FakeSheet | null; orNull: boolean; label: string }

function resolveSheet(ref: SheetRef): FakeSheet | null {
  const sheet = ref.get()
  if (!sheet && !ref.orNull)
    throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist: ${ref.label}.`)
  return sheet
}

class FakeWorksheetCollection {
  constructor(private ctx: FakeContext) {}
  getActiveWorksheet() {
    return new FakeWorksheet(this.ctx, {
      get: () => this.ctx.sheet(this.ctx.model.active),
      orNull: false,
      label: 'active sheet',
    })
  }
  getItem(name: string) {
    return new FakeWorksheet(this.ctx, {
      get: () => this.ctx.sheet(name),
      orNull: false,
      label: name,
    })
  }
  getItemOrNullObject(name: string) {
    return new FakeWorksheet(this.ctx, {
      get: () => this.ctx.sheet(name),
      orNull: true,
      label: name,
    })
  }
  add(name: string) {
    this.ctx.enqueue(() => {
      if (this.ctx.sheet(name))
        throw new FakeOfficeError(
          'ItemAlreadyExists',
          `A resource with the same name or identifier already exists: ${name}.`,
        )
      this.ctx.model.sheets.push({
        name,
        visibility: 'Visible',
        cells: new Map(),
        merges: [],
        notes: new Map(),
        frozenRows: 0,
      })
    }, name)
    return this.getItem(name)
  }
}

class FakeWorksheet extends FakeProxy {
  readonly notes: FakeNoteCollection
  readonly freezePanes: { freezeRows: (n: number) => void }

  constructor(
    ctx: FakeContext,
    private ref: SheetRef,
  ) {
    super(ctx)
    this.notes = new FakeNoteCollection(ctx, ref)
    this.freezePanes = {
      freezeRows: (n: number) =>
        ctx.enqueue(() => {
          resolveSheet(ref)!.frozenRows = n
        }),
    }
  }

  get name(): string {
    return this.read<string>('name')
  }
  set visibility(value: FakeSheet['visibility']) {
    this.ctx.enqueue(() => {
      const sheet = resolveSheet(this.ref)!
      if (
        value !== 'Visible' &&
        this.ctx.model.sheets.filter((s) => s.visibility === 'Visible' && s !== sheet).length === 0
      ) {
        throw new FakeOfficeError(
          'InvalidOperation',
          'A workbook must keep at least one visible sheet.',
        )
      }
      sheet.visibility = value
    }, value)
  }

  load(props?: string | string[]) {
    const names = this.names(props)
    this.ctx.enqueue(() => {
      const sheet = resolveSheet(this.ref)
      this.loaded.set('isNullObject', sheet === null)
      if (sheet)
        for (const n of names) if (n === 'name' || n === 'visibility') this.loaded.set(n, sheet[n])
    })
    return this
  }

  getRange(address: string) {
    parseBox(address)
    return new FakeRange(this.ctx, () => {
      const sheet = resolveSheet(this.ref)
      return sheet ? { sheet, box: parseBox(address) } : null
    })
  }

  getUsedRangeOrNullObject(valuesOnly = false) {
    return new FakeRange(
      this.ctx,
      () => {
        const sheet = resolveSheet(this.ref)
        if (!sheet) return null
        let box: Box | null = null
        for (const [address, cell] of sheet.cells) {
          if (
            valuesOnly
              ? cell.value === '' || cell.value === null
              : cell.value === '' && !cell.fill && cell.format === 'General'
          )
            continue
          const { top, left } = parseBox(address)
          box = box
            ? {
                top: Math.min(box.top, top),
                left: Math.min(box.left, left),
                bottom: Math.max(box.bottom, top),
                right: Math.max(box.right, left),
              }
            : { top, left, bottom: top, right: left }
        }
        return box ? { sheet, box } : null
      },
      true,
    )
  }

  delete() {
    this.ctx.enqueue(() => {
      const sheet = resolveSheet(this.ref)!
      this.ctx.model.sheets = this.ctx.model.sheets.filter((s) => s !== sheet)
      if (this.ctx.model.active === sheet.name)
        this.ctx.model.active = this.ctx.model.sheets[0]!.name
    })
  }

  activate() {
    this.ctx.enqueue(() => {
      this.ctx.model.active = resolveSheet(this.ref)!.name
    })
  }
}

type Target = { sheet: FakeSheet; box: Box } | null

function cellsOf(box: Box): string[][] {
  const rows: string[][] = []
  for (let r = box.top; r <= box.bottom; r++) {
    const row: string[] = []
    for (let c = box.left; c <= box.right; c++) row.push(`${letters(c)}${r}`)
    rows.push(row)
  }
  return rows
}

function touch(sheet: FakeSheet, address: string): FakeCell {
  let cell = sheet.cells.get(address)
  if (!cell)
    sheet.cells.set(
      address,
      (cell = { value: '', format: 'General', fill: null, bold: false, hyperlink: null }),
    )
  return cell
}

class FakeRange extends FakeProxy {
  readonly format: {
    fill: { color: string; clear: () => void }
    font: { bold: boolean }
    wrapText: boolean
    columnWidth: number
  }

  constructor(
    ctx: FakeContext,
    private target: () => Target,
    private orNull = false,
  ) {
    super(ctx)
    const write = (apply: (cell: FakeCell) => void, payload: unknown) =>
      ctx.enqueue(() => {
        const t = this.resolve()
        for (const row of cellsOf(t.box)) for (const a of row) apply(touch(t.sheet, a))
      }, payload)
    const read = <T>(name: string) => this.read<T>(name)
    const resolve = () => this.resolve()
    this.format = {
      fill: {
        set color(value: string) {
          write((c) => (c.fill = value.toUpperCase()), value)
        },
        get color(): string {
          return read<string>('format/fill/color')
        },
        clear: () => write((c) => (c.fill = null), null),
      },
      font: {
        set bold(value: boolean) {
          write((c) => (c.bold = value), value)
        },
        get bold(): boolean {
          return read<boolean>('format/font/bold')
        },
      },
      set wrapText(_value: boolean) {
        ctx.enqueue(() => resolve())
      },
      set columnWidth(_value: number) {
        ctx.enqueue(() => resolve())
      },
    } as FakeRange['format']
  }

  private resolve(): NonNullable<Target> {
    const t = this.target()
    if (!t) {
      if (this.orNull)
        throw new FakeOfficeError(
          'InvalidObjectPath',
          'The object path isn\u2019t working for what you\u2019re trying to do (null object).',
        )
      throw new FakeOfficeError('ItemNotFound', 'The requested resource doesn\u2019t exist.')
    }
    return t
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
      if (values.length !== rows.length || values.some((v, i) => v.length !== rows[i]!.length)) {
        throw new FakeOfficeError(
          'InvalidArgument',
          'The number of rows or columns in the input array doesn\u2019t match the size or dimensions of the range.',
        )
      }
      rows.forEach((row, r) =>
        row.forEach((a, c) => {
          const v = values[r]![c]
          if (typeof v === 'string' && v.length > 32767)
            throw new FakeOfficeError('InvalidArgument', 'A cell holds at most 32,767 characters.')
          touch(t.sheet, a).value = v === null || v === undefined ? '' : v
        }),
      )
    }, values)
  }
  get numberFormat(): string[][] {
    return this.read('numberFormat')
  }
  get rowIndex(): number {
    return this.read('rowIndex')
  }
  get columnIndex(): number {
    return this.read('columnIndex')
  }
  set hyperlink(link: { documentReference?: string; address?: string; textToDisplay?: string }) {
    this.ctx.enqueue(() => {
      const t = this.resolve()
      const cell = touch(t.sheet, `${letters(t.box.left)}${t.box.top}`)
      cell.hyperlink = link.documentReference ?? link.address ?? null
      if (link.textToDisplay) cell.value = link.textToDisplay
    }, link)
  }

  load(props?: string | string[]) {
    const names = this.names(props)
    this.ctx.enqueue(() => {
      const t = this.orNull ? this.target() : this.resolve()
      this.loaded.set('isNullObject', t === null)
      if (!t) return
      const rows = cellsOf(t.box)
      const all: Record<string, () => unknown> = {
        address: () => formatBox(t.sheet.name, t.box),
        values: () => rows.map((row) => row.map((a) => readFakeValue(t.sheet, a))),
        numberFormat: () =>
          rows.map((row) => row.map((a) => t.sheet.cells.get(a)?.format ?? 'General')),
        rowIndex: () => t.box.top - 1,
        columnIndex: () => t.box.left - 1,
        rowCount: () => t.box.bottom - t.box.top + 1,
        columnCount: () => t.box.right - t.box.left + 1,
      }
      for (const n of names) {
        const get = all[n]
        if (!get) throw new FakeOfficeError('InvalidArgument', `Unknown property '${n}'.`)
        this.loaded.set(n, get())
      }
    })
    return this
  }

  getCellProperties(options: { address?: boolean; format?: { fill?: { color?: boolean } } }) {
    const result: { value: unknown[][] } = {
      get value(): never {
        throw new FakeOfficeError(
          'PropertyNotLoaded',
          'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
        )
      },
    } as never
    this.ctx.enqueue(() => {
      const t = this.target()
      const value = t
        ? cellsOf(t.box).map((row) =>
            row.map((a) => ({
              ...(options.address ? { address: formatBox(t.sheet.name, parseBox(a)) } : {}),
              ...(options.format?.fill?.color
                ? { format: { fill: { color: t.sheet.cells.get(a)?.fill ?? '#FFFFFF' } } }
                : {}),
            })),
          )
        : []
      Object.defineProperty(result, 'value', { value })
    })
    return result
  }

  getMergedAreasOrNullObject() {
    const areas = new FakeProxy(this.ctx) as FakeProxy & {
      address: string
      load: (p: string) => unknown
    }
    const loaded = (areas as unknown as { loaded: Map<string, unknown> }).loaded
    Object.defineProperty(areas, 'address', {
      get: () => (areas as unknown as { read: (n: string) => unknown }).read('address'),
    })
    areas.load = () => {
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
        loaded.set('isNullObject', inside.length === 0)
        if (t && inside.length)
          loaded.set('address', inside.map((m) => formatBox(t.sheet.name, m)).join(', '))
      })
      return areas
    }
    return areas
  }

  clear() {
    this.ctx.enqueue(() => {
      const t = this.resolve()
      for (const row of cellsOf(t.box)) for (const a of row) t.sheet.cells.delete(a)
    })
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

class FakeNoteCollection {
  constructor(
    private ctx: FakeContext,
    private ref: SheetRef,
  ) {}

  add(cellAddress: string, content: string) {
    this.ctx.enqueue(() => {
      const sheet = resolveSheet(this.ref)!
      const box = parseBox(cellAddress)
      if (box.top !== box.bottom || box.left !== box.right)
        throw new FakeOfficeError('InvalidArgument', 'A note belongs to a single cell.')
      const key = `${letters(box.left)}${box.top}`
      if (sheet.notes.has(key))
        throw new FakeOfficeError('InvalidArgument', `The cell ${key} already has a note.`)
      sheet.notes.set(key, content)
    }, content)
  }
  getItem(address: string) {
    return new FakeNote(this.ctx, this.ref, address, false)
  }
  getItemOrNullObject(address: string) {
    return new FakeNote(this.ctx, this.ref, address, true)
  }
}

class FakeNote extends FakeProxy {
  constructor(
    ctx: FakeContext,
    private ref: SheetRef,
    private address: string,
    private orNull: boolean,
  ) {
    super(ctx)
  }
  private key(): string {
    const box = parseBox(this.address)
    return `${letters(box.left)}${box.top}`
  }
  private existing(): FakeSheet {
    const sheet = resolveSheet(this.ref)!
    if (!sheet.notes.has(this.key()))
      throw new FakeOfficeError('ItemNotFound', `No note at ${this.address}.`)
    return sheet
  }
  get content(): string {
    return this.read('content')
  }
  set content(value: string) {
    this.ctx.enqueue(() => {
      this.existing().notes.set(this.key(), value)
    }, value)
  }
  load(props?: string | string[]) {
    const names = this.names(props)
    this.ctx.enqueue(() => {
      const sheet = resolveSheet(this.ref)
      const content = sheet?.notes.get(this.key())
      if (content === undefined && !this.orNull)
        throw new FakeOfficeError('ItemNotFound', `No note at ${this.address}.`)
      this.loaded.set('isNullObject', content === undefined)
      if (content !== undefined && names.includes('content')) this.loaded.set('content', content)
    })
    return this
  }
  delete() {
    this.ctx.enqueue(() => {
      this.existing().notes.delete(this.key())
    })
  }
}

/** `Excel.run` over a fake workbook: the callback gets a fresh context; its round trips are added to `counter`. */
export function createFakeExcel(model: FakeWorkbook) {
  const counter = { syncs: 0, largestRequest: 0 }
  return {
    model,
    counter,
    async run<T>(callback: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
      const context = new FakeContext(model)
      try {
        return await callback(context as unknown as Excel.RequestContext)
      } finally {
        counter.syncs += context.syncs
        counter.largestRequest = Math.max(counter.largestRequest, context.largestRequest)
      }
    },
  }
}
