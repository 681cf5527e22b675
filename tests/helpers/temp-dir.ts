import { mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll } from 'vitest'

// Every test file gets its own temporary folder (os.tmpdir() reads TMPDIR on each call), removed after
// the file's tests, so temporary workbooks, databases and browser profiles never pile up.
const base = process.env.TMPDIR ?? '/tmp'
const dir = mkdtempSync(join(base, 'cchc-test-'))
process.env.TMPDIR = dir

afterAll(() => {
  process.env.TMPDIR = base
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 })
})
