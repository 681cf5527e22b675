import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// The import graph of the repository's own modules, type imports and dynamic imports included: a
// cycle through types still ties two modules' meaning together, and a dynamic import is still an arrow.

const root = fileURLToPath(new URL('..', import.meta.url))
const folders = ['core', 'server', 'addin', 'sheets-addon', 'scripts', 'tests', 'bin']
const specifier =
  /(?:^|[\n;])\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g

function listSources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (['node_modules', 'dist', 'build', 'test-output', 'fixtures'].includes(name)) continue
    const path = join(dir, name)
    if (statSync(path).isDirectory()) listSources(path, out)
    else if (/\.(ts|mjs)$/.test(name)) out.push(path)
  }
  return out
}

/** Every module with the modules it imports (resolved to absolute paths). */
export function readImportGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const folder of folders)
    for (const file of listSources(join(root, folder))) {
      const text = readFileSync(file, 'utf8')
      const targets = [...text.matchAll(specifier)].map((m) =>
        resolve(dirname(file), m[1] ?? m[2]!),
      )
      graph.set(file, targets)
    }
  return graph
}

/** The strongly connected components of more than one module (Tarjan): each is an import cycle. */
export function findCycles(graph: Map<string, string[]>): string[][] {
  let next = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const cycles: string[][] = []
  const visit = (v: string) => {
    index.set(v, next)
    low.set(v, next++)
    stack.push(v)
    onStack.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue
      if (!index.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!))
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = []
      let w: string
      do {
        w = stack.pop()!
        onStack.delete(w)
        component.push(relative(root, w))
      } while (w !== v)
      if (component.length > 1) cycles.push(component.sort())
    }
  }
  for (const v of graph.keys()) if (!index.has(v)) visit(v)
  return cycles
}

describe('the import graph', () => {
  const graph = readImportGraph()

  it('has no cycle, type imports included', () => {
    expect(findCycles(graph)).toEqual([])
  })

  it('finds a cycle when there is one (the check is real)', () => {
    const a = join(root, 'a.ts')
    const b = join(root, 'b.ts')
    const c = join(root, 'c.ts')
    expect(
      findCycles(
        new Map([
          [a, [b]],
          [b, [c]],
          [c, [a]],
        ]),
      ),
    ).toEqual([['a.ts', 'b.ts', 'c.ts']])
  })

  it('reads the imports of every wing (the graph is not empty)', () => {
    const wings = new Set([...graph.keys()].map((f) => relative(root, f).split('/')[1]))
    for (const wing of [
      'cli',
      'http',
      'store',
      'jobs',
      'intake',
      'consolidation',
      'xlsx',
      'sheets',
    ])
      expect(wings).toContain(wing)
    expect([...graph.values()].flat().length).toBeGreaterThan(500)
  })
})
