import {
  FakeProxy,
  type FakeEngine,
  guardNotesApi,
  guardObjects,
  guardStructure,
} from './context.ts'
import { FakeRange, type Target } from './range.ts'
import {
  createFakeSheet,
  createProtection,
  FakeOfficeError,
  type FakeProtectionOptions,
  letters,
  parseBox,
  type Box,
  type FakeSheet,
} from './model.ts'

/** How a proxy finds its sheet when a command runs; `orNull` proxies (and ranges chained from them) are null objects. */
export type SheetRef = { get: () => FakeSheet | null; orNull: boolean; label: string }

export function resolveSheet(ref: SheetRef): FakeSheet | null {
  const sheet = ref.get()
  if (!sheet && !ref.orNull)
    throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist: ${ref.label}.`)
  return sheet
}

export class FakeWorksheetCollection extends FakeProxy {
  constructor(ctx: FakeEngine) {
    super(ctx)
  }
  get items(): { name: string; id: string }[] {
    return this.read('items')
  }
  load(_props?: string | string[]) {
    this.ctx.enqueue(() => {
      const items = this.ctx.model.sheets.map((s) => ({ name: s.name, id: s.id }))
      this.loaded.set('items', items)
      return items
    })
    return this
  }
  getActiveWorksheet() {
    return new FakeWorksheet(this.ctx, {
      get: () => this.ctx.sheet(this.ctx.model.active),
      orNull: false,
      label: 'active sheet',
    })
  }
  /** By name or id, as Office.js's `getItem(key)`. */
  getItem(key: string) {
    return new FakeWorksheet(this.ctx, {
      get: () => this.ctx.sheet(key),
      orNull: false,
      label: key,
    })
  }
  getItemOrNullObject(key: string) {
    return new FakeWorksheet(this.ctx, { get: () => this.ctx.sheet(key), orNull: true, label: key })
  }
  add(name: string) {
    let created: FakeSheet | null = null
    this.ctx.enqueue(() => {
      guardStructure(this.ctx.model)
      if (this.ctx.model.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()))
        throw new FakeOfficeError(
          'ItemAlreadyExists',
          `A resource with the same name or identifier already exists: ${name}.`,
        )
      created = createFakeSheet(this.ctx.model, name)
      this.ctx.model.sheets.push(created)
    }, name)
    return new FakeWorksheet(this.ctx, { get: () => created, orNull: false, label: name })
  }
}

export class FakeWorksheet extends FakeProxy {
  readonly notes: FakeNoteCollection
  readonly freezePanes: { freezeRows: (n: number) => void }
  readonly protection: FakeProtectionProxy

  constructor(
    ctx: FakeEngine,
    private ref: SheetRef,
  ) {
    super(ctx)
    this.notes = new FakeNoteCollection(ctx, ref)
    this.protection = new FakeProtectionProxy(ctx, ref)
    this.freezePanes = {
      freezeRows: (n: number) =>
        ctx.enqueue(() => {
          resolveSheet({ ...ref, orNull: false })!.frozenRows = n
        }),
    }
  }

  get name(): string {
    return this.read<string>('name')
  }
  get id(): string {
    return this.read<string>('id')
  }
  set visibility(value: FakeSheet['visibility']) {
    this.ctx.enqueue(() => {
      const sheet = resolveSheet({ ...this.ref, orNull: false })!
      guardStructure(this.ctx.model)
      const others = this.ctx.model.sheets.filter((s) => s.visibility === 'Visible' && s !== sheet)
      if (value !== 'Visible' && others.length === 0)
        throw new FakeOfficeError('InvalidOperation', 'A workbook must keep one visible sheet.')
      sheet.visibility = value
    }, value)
  }

  load(props?: string | string[]) {
    const names = this.names(props)
    this.ctx.enqueue(() => {
      const sheet = resolveSheet(this.ref)
      this.loaded.set('isNullObject', sheet === null)
      const out: Record<string, unknown> = {}
      if (sheet)
        for (const n of names)
          if (n === 'name' || n === 'visibility' || n === 'id')
            this.loaded.set(n, (out[n] = sheet[n]))
      return out
    })
    return this
  }

  /** A range of this sheet; chained from a null object it is a null object too. */
  getRange(address: string) {
    parseBox(address)
    return new FakeRange(
      this.ctx,
      (): Target => {
        const sheet = resolveSheet(this.ref)
        return sheet ? { sheet, box: parseBox(address) } : null
      },
      this.ref.orNull ? 'chained' : 'none',
    )
  }

  getUsedRangeOrNullObject(valuesOnly = false) {
    return new FakeRange(
      this.ctx,
      (): Target => {
        const sheet = resolveSheet(this.ref)
        if (!sheet) return null
        let box: Box | null = null
        for (const [address, cell] of sheet.cells) {
          const empty = cell.value === '' || cell.value === null
          if (valuesOnly ? empty : empty && !cell.fill && cell.format === 'General') continue
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
      'own',
    )
  }

  delete() {
    this.ctx.enqueue(() => {
      const sheet = resolveSheet({ ...this.ref, orNull: false })!
      guardStructure(this.ctx.model)
      this.ctx.model.sheets = this.ctx.model.sheets.filter((s) => s !== sheet)
      if (this.ctx.model.active === sheet.name)
        this.ctx.model.active = this.ctx.model.sheets[0]!.name
    })
  }

  activate() {
    this.ctx.enqueue(() => {
      this.ctx.model.active = resolveSheet({ ...this.ref, orNull: false })!.name
    })
  }
}

class FakeProtectionProxy extends FakeProxy {
  constructor(
    ctx: FakeEngine,
    private ref: SheetRef,
  ) {
    super(ctx)
  }
  get protected(): boolean {
    return this.read('protected')
  }
  get options(): FakeProtectionOptions {
    return this.read('options')
  }
  load(_props?: string | string[]) {
    this.ctx.enqueue(() => {
      const { protected: on, ...options } = resolveSheet(this.ref)?.protection ?? {
        ...createProtection(),
        protected: false,
      }
      this.loaded.set('protected', on)
      this.loaded.set('options', options)
      return { protected: on, options }
    })
    return this
  }
}

function noteKey(address: string): string {
  const box = parseBox(address)
  if (box.top !== box.bottom || box.left !== box.right)
    throw new FakeOfficeError('InvalidArgument', 'A note belongs to a single cell.')
  return `${letters(box.left)}${box.top}`
}

class FakeNoteCollection {
  constructor(
    private ctx: FakeEngine,
    private ref: SheetRef,
  ) {}

  add(cellAddress: string, content: string) {
    this.ctx.enqueue(() => {
      guardNotesApi(this.ctx)
      const sheet = resolveSheet({ ...this.ref, orNull: false })!
      guardObjects(sheet)
      const key = noteKey(cellAddress)
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
    ctx: FakeEngine,
    private ref: SheetRef,
    private address: string,
    private orNull: boolean,
  ) {
    super(ctx)
  }
  private existing(): FakeSheet {
    guardNotesApi(this.ctx)
    const sheet = resolveSheet({ ...this.ref, orNull: false })!
    if (!sheet.notes.has(noteKey(this.address)))
      throw new FakeOfficeError('ItemNotFound', `No note at ${this.address}.`)
    guardObjects(sheet)
    return sheet
  }
  get content(): string {
    return this.read('content')
  }
  set content(value: string) {
    this.ctx.enqueue(() => {
      this.existing().notes.set(noteKey(this.address), value)
    }, value)
  }
  load(props?: string | string[]) {
    const names = this.names(props)
    this.ctx.enqueue(() => {
      guardNotesApi(this.ctx)
      const sheet = resolveSheet(this.ref)
      const content = sheet?.notes.get(noteKey(this.address))
      if (content === undefined && !this.orNull)
        throw new FakeOfficeError('ItemNotFound', `No note at ${this.address}.`)
      this.loaded.set('isNullObject', content === undefined)
      if (content !== undefined && names.includes('content')) this.loaded.set('content', content)
      return content ?? null
    })
    return this
  }
  delete() {
    this.ctx.enqueue(() => {
      this.existing().notes.delete(noteKey(this.address))
    })
  }
}
