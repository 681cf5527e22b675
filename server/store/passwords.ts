import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

const scryptParams = { N: 16_384, r: 8, p: 1, keyLength: 32 }

function deriveKey(
  password: string,
  salt: Buffer,
  n: number,
  r: number,
  p: number,
): Promise<Buffer> {
  const options: ScryptOptions = { N: n, r, p, maxmem: 64 * 1024 * 1024 }
  return new Promise((done, fail) =>
    scrypt(password.normalize('NFC'), salt, scryptParams.keyLength, options, (error, key) =>
      error ? fail(error) : done(key),
    ),
  )
}

/** Hashes a password with scrypt (node:crypto): `scrypt$N$r$p$salt$key`, salt and key in base64url. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const { N, r, p } = scryptParams
  const key = await deriveKey(password, salt, N, r, p)
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`
}

/** Checks a password against its stored hash in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !key) return false
  const expected = Buffer.from(key, 'base64url')
  const actual = await deriveKey(
    password,
    Buffer.from(salt, 'base64url'),
    Number(n),
    Number(r),
    Number(p),
  )
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

/** A password good enough for an account: long, not one repeated character class. */
export function checkPasswordStrength(password: string): string | null {
  if (password.length < 12)
    return 'Mật khẩu cần ít nhất 12 ký tự / The password needs at least 12 characters.'
  if (new Set(password).size < 6) return 'Mật khẩu quá đơn giản / The password is too simple.'
  return null
}

/**
 * A new account's password (the CLI's and the dashboard's): 20 random base64url characters, drawn
 * again in the unlikely case it fails checkPasswordStrength. Shown once, never stored in clear.
 */
export function generatePassword(): string {
  for (;;) {
    const password = randomBytes(15).toString('base64url')
    if (!checkPasswordStrength(password)) return password
  }
}

/**
 * A token given in CCHC_ADMIN_TOKEN must be hard to guess: at least 24 characters, 12 of them
 * distinct, and not mostly one class of character (a word, a date, a repeated pattern).
 */
export function checkAdminTokenStrength(token: string): string | null {
  const distinct = new Set(token).size
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(token)).length
  if (token.length < 24 || distinct < 12 || classes < 2)
    return 'CCHC_ADMIN_TOKEN quá yếu (cần ít nhất 24 ký tự ngẫu nhiên, ví dụ: openssl rand -base64 32) / CCHC_ADMIN_TOKEN is too weak (use at least 24 random characters, e.g. openssl rand -base64 32).'
  return null
}
