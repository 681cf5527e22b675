/**
 * Whole-process timings of the `cchc` command, as a user waits for them (start-up included): `cchc --help`
 * against a bare `node`, and `cchc validate` on a 1,000-row annex against a `node -e` that only loads the
 * same file with ExcelJS. Runs alternate so that the machine's noise hits both sides alike.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildAnnex } from './annex.ts'

const root = fileURLToPath(new URL('../../', import.meta.url))
const cchc = join(root, 'bin/cchc.mjs')

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

function timeProcess(args: string[]): number {
  const start = performance.now()
  try {
    execFileSync(process.execPath, args, { cwd: root, stdio: 'ignore' })
  } catch (error) {
    // `cchc validate` exits 1 when the table has errors; only a crash matters here.
    if ((error as { status?: number }).status !== 1) throw error
  }
  return performance.now() - start
}

export type CliBench = { helpMs: number; nodeMs: number; validateMs: number; loadMs: number }

/** Measures the CLI's start-up and validate as whole processes; `rounds` alternating runs each. */
export async function measureCli(rounds = 7): Promise<CliBench> {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-bench-'))
  try {
    const file = join(dir, 'phu-luc-1000.xlsx')
    writeFileSync(file, await buildAnnex(1000))
    const load = `const E=require(${JSON.stringify(join(root, 'node_modules/exceljs'))});new E.Workbook().xlsx.load(require('fs').readFileSync(${JSON.stringify(file)}))`
    const runs = {
      help: [] as number[],
      node: [] as number[],
      validate: [] as number[],
      load: [] as number[],
    }
    timeProcess([cchc, 'validate', file, '--as-of', '2026-09-14'])
    for (let i = 0; i < rounds; i++) {
      runs.node.push(timeProcess(['-e', '']))
      runs.help.push(timeProcess([cchc, '--help']))
      runs.load.push(timeProcess(['-e', load]))
      runs.validate.push(timeProcess([cchc, 'validate', file, '--as-of', '2026-09-14']))
    }
    return {
      helpMs: median(runs.help),
      nodeMs: median(runs.node),
      validateMs: median(runs.validate),
      loadMs: median(runs.load),
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await measureCli(Number(process.env.BENCH_ROUNDS ?? 7))
  console.log(
    `cchc --help: ${(result.helpMs / 1000).toFixed(2)} s (limit 0.25; a bare \`node -e ""\`: ${(result.nodeMs / 1000).toFixed(2)} s)`,
  )
  console.log(
    `cchc validate 1,000 rows / node -e ExcelJS load, whole processes: ${(result.validateMs / result.loadMs).toFixed(2)} (limit 1.2; ${(result.validateMs / 1000).toFixed(2)} s / ${(result.loadMs / 1000).toFixed(2)} s)`,
  )
  if (result.helpMs > 250 || result.validateMs / result.loadMs > 1.2) process.exitCode = 1
}
