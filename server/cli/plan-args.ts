import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { AgencyRegistry } from '../../core/index.ts'
import { templatesDir } from '../paths.ts'

// What the `cchc plan` commands share: the registry they read.

/** The province's registry: the one named, else the shipped one when present. */
export async function readRegistryOption(path: string | undefined): Promise<AgencyRegistry | null> {
  const { readRegistry } = await import('../province/config.ts')
  if (path) return readRegistry(path)
  const shipped = join(templatesDir, 'agencies', 'dak-lak-2026.json')
  return existsSync(shipped) ? readRegistry(shipped) : null
}
