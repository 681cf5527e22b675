import { checkPasswordStrength, generatePassword, hashPassword } from '../store/passwords.ts'
import { computeDatabasePath } from '../http/serve.ts'
import { createStore, type Store } from '../store/index.ts'
import { AppError } from '../errors/index.ts'
import type { Args, dataFlags, userFlags } from './flags.ts'

const usage =
  'Cách dùng / Usage: cchc user add EMAIL --role admin|agency [--agency MÃ] [--password-stdin] | cchc user list | cchc user password EMAIL [--password-stdin]  [--data data]'

async function readPassword(fromStdin: boolean): Promise<{ password: string; generated: boolean }> {
  if (!fromStdin) return { password: generatePassword(), generated: true }
  let text = ''
  for await (const chunk of process.stdin) text += String(chunk)
  const password = text.split(/\r?\n/)[0] ?? ''
  const weak = checkPasswordStrength(password)
  if (weak) throw new AppError('config/invalid', weak)
  return { password, generated: false }
}

type UserArgs = Args<typeof userFlags>

/** Opens the store of `--data`, runs `work` with it and closes it. */
async function withStore(dataDir: string, work: (store: Store) => Promise<number> | number) {
  const store = createStore(computeDatabasePath(dataDir))
  try {
    return await work(store)
  } finally {
    store.close()
  }
}

function readEmail(positionals: string[]): string {
  const email = positionals[0]?.trim().toLowerCase()
  if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new AppError('cli/usage', usage)
  return email
}

/** `cchc user list`: people's accounts. */
export function runUserList({ values }: Args<typeof dataFlags>): Promise<number> {
  return withStore(values.data, (store) => {
    for (const u of store.listUsers())
      process.stdout.write(
        `${u.email}\t${u.role}\t${u.agencyId ?? '-'}\t${u.createdAt}${u.disabledAt ? '\tdisabled' : ''}\n`,
      )
    return 0
  })
}

/** `cchc user add EMAIL --role admin|agency [--agency ID] [--password-stdin]` (scrypt hashes). */
export function runUserAdd({ values, positionals }: UserArgs): Promise<number> {
  const email = readEmail(positionals)
  const role = values.role
  if (role !== 'admin' && role !== 'agency') throw new AppError('cli/usage', usage)
  const agencyId = role === 'agency' ? (values.agency ?? '') : null
  return withStore(values.data, async (store) => {
    if (agencyId !== null && !store.getAgency(agencyId))
      throw new AppError('cli/usage', `Không có cơ quan / Unknown agency: ${agencyId}. ${usage}`)
    const { password, generated } = await readPassword(Boolean(values['password-stdin']))
    const added = store.addUser(
      { email, role, agencyId, passwordHash: await hashPassword(password) },
      new Date().toISOString(),
    )
    if (!added)
      throw new AppError(
        'cli/usage',
        `Email đã có tài khoản / Email already has an account: ${email}`,
      )
    process.stdout.write(
      `Đã tạo tài khoản / Account created: ${email} (${role}${agencyId ? ` ${agencyId}` : ''})\n` +
        (generated ? `Mật khẩu (chỉ hiện một lần) / password (shown once): ${password}\n` : ''),
    )
    return 0
  })
}

/** `cchc user password EMAIL [--password-stdin]`: a new password; the account's sessions end. */
export function runUserPassword({ values, positionals }: UserArgs): Promise<number> {
  const email = readEmail(positionals)
  return withStore(values.data, async (store) => {
    const { password, generated } = await readPassword(Boolean(values['password-stdin']))
    if (!store.setUserPassword(email, await hashPassword(password)))
      throw new AppError('cli/usage', `Không có tài khoản / No account: ${email}`)
    process.stdout.write(
      `Đã đặt mật khẩu mới; các phiên cũ đã đăng xuất / New password set; old sessions ended.\n` +
        (generated ? `Mật khẩu (chỉ hiện một lần) / password (shown once): ${password}\n` : ''),
    )
    return 0
  })
}
