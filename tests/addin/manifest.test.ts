import { existsSync, readFileSync } from 'node:fs'
import { SaxesParser } from 'saxes'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../server/http/app.ts'
import { createAddinServer } from '../../server/http/addin.ts'
import { readCatalog } from '../../server/province/catalog.ts'
import { createStore } from '../../server/store/index.ts'

type Element = {
  name: string
  attributes: Record<string, string>
  children: Element[]
  text: string
}

/** Parses XML strictly (saxes throws on anything not well-formed) into a small element tree. */
function parseXml(xml: string): Element {
  const parser = new SaxesParser({ xmlns: false })
  const root: Element = { name: '#document', attributes: {}, children: [], text: '' }
  const stack: Element[] = [root]
  parser.on('opentag', (tag) => {
    const el: Element = {
      name: tag.name,
      attributes: tag.attributes as Record<string, string>,
      children: [],
      text: '',
    }
    stack.at(-1)!.children.push(el)
    stack.push(el)
  })
  parser.on('text', (t) => (stack.at(-1)!.text += t.trim()))
  parser.on('closetag', () => stack.pop())
  parser.on('doctype', () => {
    throw new Error('A manifest must not declare a DTD')
  })
  parser.write(xml).close()
  return root.children[0]!
}

function findAll(el: Element, name: string): Element[] {
  return [...(el.name === name ? [el] : []), ...el.children.flatMap((c) => findAll(c, name))]
}

const manifests = { dev: 'manifests/manifest.dev.xml', prod: 'manifests/manifest.xml' } as const
const origins = { dev: 'https://localhost:3000', prod: 'https://cchc.example.gov.vn' } as const

describe.each(Object.entries(manifests))('%s manifest (offline checks)', (kind, path) => {
  const xml = readFileSync(path, 'utf8')
  const root = parseXml(xml)
  const origin = origins[kind as keyof typeof origins]

  it('is a well-formed add-in-only task pane manifest for Excel with its elements in schema order', () => {
    expect(root.name).toBe('OfficeApp')
    expect(root.attributes['xsi:type']).toBe('TaskPaneApp')
    expect(root.attributes.xmlns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1')
    const order = [
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'AppDomains',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
      'VersionOverrides',
    ]
    expect(root.children.map((c) => c.name)).toEqual(order)
    expect(root.children[0]!.text).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    )
    expect(root.children[1]!.text).toMatch(/^\d+\.\d+\.\d+\.\d+$/)
    expect(findAll(root, 'Host')[0]!.attributes.Name).toBe('Workbook')
    expect(findAll(root, 'Permissions')[0]!.text).toBe('ReadWriteDocument')
  })

  it('has the CCHC ribbon group with "Kiểm tra" (runs without the pane) and "Bảng CCHC" (opens it)', () => {
    const strings = new Map(
      findAll(root, 'bt:String').map((s) => [s.attributes.id!, s.attributes.DefaultValue!]),
    )
    const group = findAll(root, 'Group')[0]!
    expect(strings.get(findAll(group, 'Label')[0]!.attributes.resid!)).toBe('CCHC')
    const controls = findAll(group, 'Control').map((c) => ({
      label: strings.get(c.children.find((x) => x.name === 'Label')!.attributes.resid!),
      action: findAll(c, 'Action')[0]!.attributes['xsi:type'],
      fn: findAll(c, 'FunctionName')[0]?.text ?? null,
    }))
    expect(controls).toEqual([
      { label: 'Kiểm tra', action: 'ExecuteFunction', fn: 'checkFromRibbon' },
      { label: 'Bảng CCHC', action: 'ShowTaskpane', fn: null },
    ])
    expect(readFileSync('addin/commands/commands.ts', 'utf8')).toContain(
      "associate('checkFromRibbon'",
    )
  })

  it('defines every resource it references, on one https origin, with icons that exist and are served', async () => {
    const defined = new Set(
      findAll(root, 'bt:Image')
        .concat(findAll(root, 'bt:Url'), findAll(root, 'bt:String'))
        .flatMap((e) => e.attributes.id ?? []),
    )
    const resids = new Set<string>()
    const walk = (el: Element) => {
      if (el.attributes.resid) resids.add(el.attributes.resid)
      el.children.forEach(walk)
    }
    walk(root)
    expect([...resids].filter((r) => !defined.has(r))).toEqual([])
    const urls = [
      ...findAll(root, 'bt:Image')
        .concat(findAll(root, 'bt:Url'))
        .flatMap((e) => e.attributes.DefaultValue ?? []),
      ...['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation'].flatMap((n) =>
        findAll(root, n).flatMap((e) => e.attributes.DefaultValue ?? []),
      ),
      ...findAll(root, 'AppDomain').map((e) => e.text),
    ]
    for (const url of urls) expect(new URL(url).origin).toBe(origin)
    const addinPaths = urls.map((u) => new URL(u).pathname).filter((p) => p.startsWith('/addin/'))
    for (const p of addinPaths.filter((p) => p.includes('/assets/')))
      expect(existsSync(`addin${p.slice('/addin'.length)}`)).toBe(true)
    const app = createApp({
      store: createStore(':memory:'),
      catalog: await readCatalog(),
      serveAddin: createAddinServer(),
    })
    for (const p of new Set(addinPaths)) {
      const res = await app.request(p)
      expect({ p, status: res.status }).toEqual({ p, status: 200 })
    }
  })
})

describe('the two manifests', () => {
  it('differ only in origin, id and display name', () => {
    const dev = readFileSync(manifests.dev, 'utf8')
    const prod = readFileSync(manifests.prod, 'utf8')
    const normalise = (s: string) =>
      s
        .replace(/https:\/\/(localhost:3000|cchc\.example\.gov\.vn)/g, 'ORIGIN')
        .replace(/<Id>[^<]+<\/Id>/, '<Id/>')
        .replace(/ \(dev\)/, '')
        .replace(/<!--[\s\S]*?-->/, '')
    expect(normalise(prod)).toBe(normalise(dev))
    expect(dev.match(/<Id>([^<]+)<\/Id>/)![1]).not.toBe(prod.match(/<Id>([^<]+)<\/Id>/)![1])
  })
})
