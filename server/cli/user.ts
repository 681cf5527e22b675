import { parseArgs } from 'node:util'
import { checkPasswordStrength, generatePassword, hashPassword } from '../store/passwords.ts'
import { computeDatabasePath } from '../http/serve.ts'
import { createStore } from '../store/index.ts'
import { AppError } from '../errors/index.ts'

const usage =
  'Cách dùng / Usage: cchc user add EMAIL --role admin|agency [--agency MÃ] [--password-stdin] | list | password EMAIL [--password-stdin]  [--data data]'

async function readPassword(fromStdin: boolean): Promise<{ password: string; generated: boolean }> {
  if (!fromStdin) return { password: generatePassword(), generated: true }
  let text = ''
  for await (const chunk of process.stdin) text += String(chunk)
  const password = text.split(/\r?\n/)[0] ?? ''
  const weak = checkPasswordStrength(password)
  if (weak) throw new AppError('config/invalid', weak)
  return { password, generated: false }
}

/** `cchc user add|list|password`: people's accounts (passwords hashed with scrypt). */
export async function runUser(args: string[]): Promise<number> {
  const [action, ...rest] = args
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      agency: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      data: { type: 'string', default: 'data' },
    },
  })
  const store = createStore(computeDatabasePath(values.data))
  try {
    if (action === 'list') {
      for (const u of store.listUsers())
        process.stdout.write(
          `${u.email}\t${u.role}\t${u.agencyId ?? '-'}\t${u.createdAt}${u.disabledAt ? '\tdisabled' : ''}\n`,
        )
      return 0
    }
    const email = positionals[0]?.trim().toLowerCase()
    if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
      throw new AppError('config/invalid', usage)
    if (action === 'add') {
      const role = values.role
      if (role !== 'admin' && role !== 'agency') throw new AppError('config/invalid', usage)
      const agencyId = role === 'agency' ? (values.agency ?? '') : null
      if (agencyId !== null && !store.getAgency(agencyId))
        throw new AppError(
          'config/invalid',
          `Không có cơ quan / Unknown agency: ${agencyId}. ${usage}`,
        )
      const { password, generated } = await readPassword(Boolean(values['password-stdin']))
      const added = store.addUser(
        { email, role, agencyId, passwordHash: await hashPassword(password) },
        new Date().toISOString(),
      )
      if (!added)
        throw new AppError(
          'config/invalid',
          `Email đã có tài khoản / Email already has an account: ${email}`,
        )
      process.stdout.write(
        `Đã tạo tài khoản / Account created: ${email} (${role}${agencyId ? ` ${agencyId}` : ''})\n` +
          (generated ? `Mật khẩu (chỉ hiện một lần) / password (shown once): ${password}\n` : ''),
      )
      return 0
    }
    if (action === 'password') {
      const { password, generated } = await readPassword(Boolean(values['password-stdin']))
      if (!store.setUserPassword(email, await hashPassword(password)))
        throw new AppError('config/invalid', `Không có tài khoản / No account: ${email}`)
      process.stdout.write(
        `Đã đặt mật khẩu mới; các phiên cũ đã đăng xuất / New password set; old sessions ended.\n` +
          (generated ? `Mật khẩu (chỉ hiện một lần) / password (shown once): ${password}\n` : ''),
      )
      return 0
    }
    throw new AppError('config/invalid', usage)
  } finally {
    store.close()
  }
}
