import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const coreDir = fileURLToPath(new URL('../../core/', import.meta.url))

describe('core/ is pure', () => {
  it('imports nothing outside core: no Node built-ins, libraries, or other folders', () => {
    const offending: string[] = []
    for (const file of readdirSync(coreDir).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(coreDir + file, 'utf8')
      for (const m of source.matchAll(/(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/g)) {
        if (!/^\.\/[\w-]+\.ts$/.test(m[1]!)) offending.push(`${file}: ${m[1]}`)
      }
      if (/\bDate\.now\(|new Date\(\)|process\.|require\(/.test(source))
        offending.push(`${file}: clock or process`)
    }
    expect(offending).toEqual([])
  })
})
