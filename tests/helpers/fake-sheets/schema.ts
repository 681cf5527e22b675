import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { Ajv, type ValidateFunction } from 'ajv'
import ts from 'typescript'
import type { MaskTree } from './mask.ts'

/** A JSON Schema node as generated from the `sheets_v4` declarations. */
type JsonSchema = {
  type?: string | string[]
  $ref?: string
  items?: JsonSchema
  properties?: Record<string, JsonSchema>
  additionalProperties?: boolean
}

function convertType(node: ts.TypeNode): JsonSchema {
  if (ts.isUnionTypeNode(node)) {
    const parts = node.types.filter(
      (t) =>
        !(ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword) &&
        t.kind !== ts.SyntaxKind.UndefinedKeyword,
    )
    const inner = parts.length === 1 ? convertType(parts[0]!) : {}
    if (typeof inner.type === 'string') return { ...inner, type: [inner.type, 'null'] }
    return inner
  }
  if (node.kind === ts.SyntaxKind.StringKeyword) return { type: 'string' }
  if (node.kind === ts.SyntaxKind.NumberKeyword) return { type: 'number' }
  if (node.kind === ts.SyntaxKind.BooleanKeyword) return { type: 'boolean' }
  if (ts.isArrayTypeNode(node)) return { type: 'array', items: convertType(node.elementType) }
  if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) {
    const name = node.typeName.text
    if (name.startsWith('Schema$')) return { $ref: `#/definitions/${name}` }
  }
  // `{ [key: string]: any }`, `any`: free-form.
  return {}
}

let cached: Record<string, JsonSchema> | null = null

/**
 * JSON Schema definitions generated from the installed `@googleapis/sheets` declarations
 * (`sheets_v4.Schema$…` interfaces): every object closed (`additionalProperties: false`), so an
 * unknown field is refused as the real API refuses it.
 */
export function readSheetsDefinitions(): Record<string, JsonSchema> {
  if (cached) return cached
  const require = createRequire(import.meta.url)
  const file = join(dirname(require.resolve('@googleapis/sheets')), 'v4.d.ts')
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest)
  const definitions: Record<string, JsonSchema> = {}
  const visit = (node: ts.Node) => {
    if (ts.isInterfaceDeclaration(node) && node.name.text.startsWith('Schema$')) {
      const properties: Record<string, JsonSchema> = {}
      for (const member of node.members) {
        if (!ts.isPropertySignature(member) || !member.type) continue
        const name = member.name.getText(source).replace(/^['"]|['"]$/g, '')
        properties[name] = convertType(member.type)
      }
      definitions[node.name.text] = { type: 'object', properties, additionalProperties: false }
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  cached = definitions
  return definitions
}

let ajv: Ajv | null = null

/** A validator of one `Schema$…` type (request bodies). */
export function createValidator(typeName: string): ValidateFunction {
  if (!ajv) {
    ajv = new Ajv({ strict: false, allErrors: false })
    ajv.addSchema({ $id: 'sheets', definitions: readSheetsDefinitions() })
  }
  return ajv.compile({ $ref: `sheets#/definitions/${typeName}` })
}

/** Checks that every path of a field mask names real fields of a type; returns the first bad path. */
export function findUnknownMaskPath(typeName: string, mask: MaskTree): string | null {
  const definitions = readSheetsDefinitions()
  const walk = (schema: JsonSchema | undefined, tree: MaskTree, path: string[]): string | null => {
    let s = schema
    while (s?.$ref || s?.type === 'array' || (Array.isArray(s?.type) && s.type[0] === 'array'))
      s = s.$ref ? definitions[s.$ref.split('/').pop()!] : s.items
    for (const [key, sub] of tree) {
      if (!s?.properties) return [...path, key].join('.')
      const next = s.properties[key]
      if (!next) return [...path, key].join('.')
      if (sub.size && Object.keys(next).length) {
        const bad = walk(next, sub, [...path, key])
        if (bad) return bad
      }
    }
    return null
  }
  return walk(definitions[typeName], mask, [])
}
