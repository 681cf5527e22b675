/** A parsed field mask: each key selects a field; an empty tree selects the field whole. */
export type MaskTree = Map<string, MaskTree>

/**
 * Parses Google's field-mask syntax as the Sheets API accepts it in `fields` parameters and in
 * update requests: `a,b(c,d/e),f.g`. Throws on malformed text, as the API answers 400.
 */
export function parseMask(text: string): MaskTree {
  let pos = 0
  const fail = (): never => {
    throw new Error(`Invalid field mask at ${pos}: ${text}`)
  }
  const readName = (): string => {
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(pos))
    if (!m) return fail()
    pos += m[0].length
    return m[0]
  }
  const merge = (into: MaskTree, from: MaskTree) => {
    for (const [k, v] of from) {
      const existing = into.get(k)
      if (!existing) into.set(k, v)
      else if (existing.size && v.size) merge(existing, v)
      else into.set(k, new Map())
    }
  }
  const readList = (): MaskTree => {
    const tree: MaskTree = new Map()
    for (;;) {
      const path = [readName()]
      while (text[pos] === '/' || text[pos] === '.') {
        pos++
        path.push(readName())
      }
      let leaf: MaskTree = new Map()
      if (text[pos] === '(') {
        pos++
        leaf = readList()
        if (text[pos] !== ')') fail()
        pos++
      }
      let node: MaskTree = leaf
      for (let i = path.length - 1; i >= 1; i--) node = new Map([[path[i]!, node]])
      merge(tree, new Map([[path[0]!, node]]))
      if (text[pos] !== ',') return tree
      pos++
    }
  }
  if (text.trim() === '*') return new Map()
  const tree = readList()
  if (pos !== text.length) fail()
  return tree
}

/** Keeps only the masked fields of a response object (arrays are transparent). */
export function applyMask(value: unknown, mask: MaskTree): unknown {
  if (mask.size === 0 || value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map((v) => applyMask(v, mask))
  const out: Record<string, unknown> = {}
  for (const [key, sub] of mask) {
    const v = (value as Record<string, unknown>)[key]
    if (v !== undefined) out[key] = applyMask(v, sub)
  }
  return out
}

/** Every leaf path of a mask, as dotted paths. */
export function listMaskPaths(mask: MaskTree, prefix: string[] = []): string[][] {
  const paths: string[][] = []
  for (const [key, sub] of mask) {
    if (sub.size === 0) paths.push([...prefix, key])
    else paths.push(...listMaskPaths(sub, [...prefix, key]))
  }
  return paths
}
