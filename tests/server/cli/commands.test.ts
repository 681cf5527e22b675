import { afterEach, describe, expect, it, vi } from 'vitest'
import { commands } from '../../../server/cli/commands.ts'
import { renderCommandHelp } from '../../../server/cli/help.ts'
import { helpText, runCli } from '../../../server/cli/main.ts'
import { capture, output } from '../../helpers/output.ts'

// The commands and their flags are declared once (server/cli/commands.ts, flags.ts): the help is
// generated from that table and the dispatcher parses with it, so they cannot disagree.

afterEach(() => vi.restoreAllMocks())

/** Runs the CLI, capturing what it prints. */
async function run(argv: string[]) {
  capture()
  const code = await runCli(argv)
  const printed = { code, out: output.out, err: output.err }
  vi.restoreAllMocks()
  return printed
}

describe('the command table', () => {
  it('lists every command and every flag in the help, with its value name', () => {
    for (const c of commands) {
      expect(helpText).toContain(`cchc ${c.name}`)
      const help = renderCommandHelp(c)
      for (const [name, f] of Object.entries(c.flags))
        expect(help).toContain(`--${name}${f.value ? ` ${f.value}` : ''}`)
    }
    // The usage lines fit a terminal.
    expect(helpText.split('\n').every((l) => l.length <= 100)).toBe(true)
  })

  it('answers `cchc help X`, `cchc X --help` and a family alike, in Vietnamese', async () => {
    const a = await run(['help', 'plan', 'import'])
    const b = await run(['plan', 'import', '--help'])
    expect(a.code).toBe(0)
    expect(a.out).toBe(b.out)
    expect(a.out).toContain('Tùy chọn / Options:')
    const family = await run(['sheets'])
    expect(family.code).toBe(0)
    expect(family.out).toContain('cchc sheets validate')
    expect(family.out).not.toContain('cchc validate TỆP')
  })

  it('refuses an unknown option or command with exit 2 and says where to look', async () => {
    const bad = await run(['validate', 'x.xlsx', '--bogus'])
    expect(bad.code).toBe(2)
    expect(bad.err).toMatch(/^Tùy chọn hoặc tham số không hợp lệ/)
    const usage = await run(['diff', 'a.xlsx'])
    expect(usage.code).toBe(2)
    expect(usage.err).toContain('Xem / See: cchc help diff')
    const unknown = await run(['plan', 'frobnicate'])
    expect(unknown.code).toBe(2)
    expect(unknown.err).toContain('Lệnh không hợp lệ / Unknown command: plan frobnicate')
  })
})
