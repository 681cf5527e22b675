import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

// Microsoft's official add-in manifest schemas (OfficeApp v1.1 and the task pane VersionOverrides);
// tests/fixtures/README.md says where each file comes from.
const schema = 'tests/fixtures/office-manifest-schemas/OfficeAppManifestV1_1.xsd'

function requireXmllint(): void {
  const probe = spawnSync('xmllint', ['--version'])
  if (probe.error)
    throw new Error(
      'xmllint is missing: run `npm run test:setup` (it installs the Debian package libxml2-utils).',
    )
}

/** Validates a manifest with libxml2 against the official schemas; returns xmllint's verdict. */
function validateManifest(path: string): { ok: boolean; output: string } {
  const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, path], {
    encoding: 'utf8',
  })
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` }
}

const temp = mkdtempSync(join(tmpdir(), 'cchc-manifest-'))
afterAll(() => rmSync(temp, { recursive: true, force: true }))

describe('manifests against Microsoft’s official XML schemas (offline, xmllint)', () => {
  it.each(['manifests/manifest.dev.xml', 'manifests/manifest.xml'])('%s is valid', (path) => {
    requireXmllint()
    expect(validateManifest(path)).toEqual({ ok: true, output: `${path} validates\n` })
  })

  it('the check is real: an unknown ribbon element or permission is refused', () => {
    requireXmllint()
    const xml = readFileSync('manifests/manifest.dev.xml', 'utf8')
    const broken = [
      xml.replace('<Resources>', '<Bogus/><Resources>'),
      xml.replace('<Permissions>ReadWriteDocument', '<Permissions>Everything'),
    ]
    const verdicts = broken.map((text, i) => {
      const path = join(temp, `broken-${i}.xml`)
      writeFileSync(path, text)
      return validateManifest(path)
    })
    expect(verdicts.map((v) => v.ok)).toEqual([false, false])
    expect(verdicts[0]!.output).toContain('Bogus')
    expect(verdicts[1]!.output).toContain("'Everything' is not an element of the set")
  })
})
