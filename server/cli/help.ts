import type { Command } from './commands.ts'
import type { FlagSpec } from './flags.ts'

// The help, generated from the command table: what each command takes and does.

const width = 100

/** Words laid into lines of at most `width` characters, each line starting with `indent`. */
function wrap(words: string[], indent: string, first = indent): string[] {
  const lines: string[] = []
  let line = first
  for (const word of words) {
    if (line.trim() && line.length + 1 + word.length > width) {
      lines.push(line)
      line = indent + word
    } else line = line.trim() ? `${line} ${word}` : line + word
  }
  if (line.trim()) lines.push(line)
  return lines
}

const flagWord = (name: string, f: FlagSpec) =>
  `[${f.short ? `-${f.short}|` : ''}--${name}${f.value ? ` ${f.value}` : ''}]`

/** "cchc validate TỆP.xlsx [--sheet S] …", wrapped under the command's name. */
export function renderUsage(c: Command, indent = '  '): string[] {
  const head = `${indent}cchc ${c.name}${c.args ? ` ${c.args}` : ''}`
  const flags = Object.entries(c.flags).map(([name, f]) => flagWord(name, f))
  return wrap(flags, ' '.repeat(head.length + 1), head)
}

/** The whole list: every command's usage and what it does. */
export function renderHelp(commands: Command[], title: string): string {
  const lines = [title, '', 'Cách dùng / Usage:']
  for (const c of commands) lines.push(...renderUsage(c), ...wrap(c.summary.split(' '), '      '))
  lines.push(
    '  cchc help [LỆNH]',
    '      Chi tiết một lệnh và các tùy chọn (cũng: cchc LỆNH --help).',
  )
  return `${lines.join('\n')}\n`
}

/** One command in detail: its usage, what it does, and each flag. */
export function renderCommandHelp(c: Command): string {
  const lines = [...renderUsage(c, ''), '', ...wrap(c.summary.split(' '), '')]
  const entries = Object.entries(c.flags)
  if (entries.length) lines.push('', 'Tùy chọn / Options:')
  const labels = entries.map(
    ([n, f]) => `  ${f.short ? `-${f.short}, ` : ''}--${n}${f.value ? ` ${f.value}` : ''}`,
  )
  const pad = Math.min(34, Math.max(...labels.map((l) => l.length)) + 2)
  entries.forEach(([, f], i) => {
    const label = labels[i]!
    const help =
      f.default !== undefined && f.default !== false ? `${f.help} (mặc định: ${f.default})` : f.help
    lines.push(
      ...(label.length < pad
        ? wrap(help.split(' '), ' '.repeat(pad + 1), label.padEnd(pad))
        : [label, ...wrap(help.split(' '), ' '.repeat(pad + 1))]),
    )
  })
  return `${lines.join('\n')}\n`
}
