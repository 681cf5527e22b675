import { $, appendCell, copyText, formatTime, readJson, requestApi } from './dom.ts'

type Account = {
  email: string
  role: 'admin' | 'agency'
  agencyId: string | null
  createdAt: string
  disabledAt: string | null
}
type Agency = { id: string; name: string; kind: string }
type Notify = (text: string, kind: 'ok' | 'error') => void

const agencyNames = new Map<string, string>()
let selfEmail = ''
let notify: Notify = () => undefined
let wired = false

/** Sends a change to /api/admin/users and answers its JSON. */
async function postAccount<T>(path: string, body?: unknown): Promise<T> {
  const res = await requestApi(`/api/admin/users${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  })
  return (await res.json()) as T
}

/** Shows a generated password once, with what the administrator must do with it. */
function showPassword(email: string, password: string, created: boolean): void {
  $('account-password-text').textContent =
    `${created ? 'Đã tạo tài khoản' : 'Đã đặt mật khẩu mới cho'} ${email}. ` +
    'Mật khẩu dưới đây chỉ hiện một lần và không được lưu lại: hãy sao chép và chuyển cho người dùng qua kênh an toàn (điện thoại, gặp trực tiếp).' +
    (created ? '' : ' Các phiên đăng nhập cũ của tài khoản đã kết thúc.')
  $<HTMLInputElement>('account-password-value').value = password
  $('account-password').hidden = false
}

function hidePassword(): void {
  $('account-password').hidden = true
  $<HTMLInputElement>('account-password-value').value = ''
}

/** Runs a row's action after the administrator confirms it, then reloads the table. */
function runAction(question: string, action: () => Promise<void>, failure: string): void {
  if (!window.confirm(question)) return
  action()
    .then(() => loadAccountRows())
    .catch((e: Error) => notify(`${failure}: ${e.message}`, 'error'))
}

function appendActions(tr: HTMLTableRowElement, a: Account): void {
  const cell = appendCell(tr, a.email === selfEmail ? 'Tài khoản của bạn' : '')
  if (a.email === selfEmail) return
  const path = `/${encodeURIComponent(a.email)}`
  const reset = document.createElement('button')
  reset.textContent = 'Đặt lại mật khẩu'
  reset.className = 'reset'
  reset.addEventListener('click', () =>
    runAction(
      `Đặt mật khẩu mới cho ${a.email}? Mật khẩu cũ sẽ không dùng được nữa.`,
      async () => {
        const { password } = await postAccount<{ password: string }>(`${path}/password`)
        showPassword(a.email, password, false)
        notify(`Đã đặt lại mật khẩu cho ${a.email}.`, 'ok')
      },
      'Không đặt lại được mật khẩu',
    ),
  )
  const lock = document.createElement('button')
  lock.textContent = a.disabledAt ? 'Mở khóa' : 'Khóa'
  lock.className = 'lock'
  lock.addEventListener('click', () =>
    runAction(
      a.disabledAt
        ? `Mở khóa tài khoản ${a.email}?`
        : `Khóa tài khoản ${a.email}? Người dùng sẽ bị đăng xuất và không đăng nhập được nữa.`,
      async () => {
        await postAccount(`${path}/${a.disabledAt ? 'enable' : 'disable'}`)
        notify(`Đã ${a.disabledAt ? 'mở khóa' : 'khóa'} tài khoản ${a.email}.`, 'ok')
      },
      a.disabledAt ? 'Không mở khóa được' : 'Không khóa được',
    ),
  )
  cell.append(reset, ' ', lock)
}

/** Lists the accounts: email, role, agency, created, state and the row's actions. */
async function loadAccountRows(): Promise<void> {
  const { users } = await readJson<{ users: Account[] }>('/api/admin/users')
  const body = $('account-body')
  body.textContent = ''
  for (const a of users) {
    const tr = document.createElement('tr')
    tr.dataset.email = a.email
    appendCell(tr, a.email)
    appendCell(tr, a.role === 'admin' ? 'Quản trị' : 'Đơn vị')
    appendCell(tr, a.agencyId ? (agencyNames.get(a.agencyId) ?? a.agencyId) : '')
    appendCell(tr, formatTime(a.createdAt))
    const state = appendCell(
      tr,
      a.disabledAt ? 'Đã khóa' : 'Đang dùng',
      a.disabledAt ? 'state locked' : 'state',
    )
    if (a.disabledAt) state.title = `Khóa lúc ${formatTime(a.disabledAt)}`
    appendActions(tr, a)
    body.appendChild(tr)
  }
}

async function submitAccount(event: Event): Promise<void> {
  event.preventDefault()
  const email = $<HTMLInputElement>('account-email').value.trim()
  const role = $<HTMLSelectElement>('account-role').value
  const agency = role === 'agency' ? $<HTMLSelectElement>('account-agency').value : null
  hidePassword()
  try {
    const created = await postAccount<{ user: Account; password: string }>('', {
      email,
      role,
      agency,
    })
    showPassword(created.user.email, created.password, true)
    notify(`Đã tạo tài khoản ${created.user.email}.`, 'ok')
    $<HTMLInputElement>('account-email').value = ''
    await loadAccountRows()
  } catch (e) {
    notify(`Không tạo được tài khoản: ${(e as Error).message}`, 'error')
  }
}

function showAgencyChoice(): void {
  $('account-agency-label').hidden = $<HTMLSelectElement>('account-role').value !== 'agency'
}

function wireForm(): void {
  $('account-form').addEventListener('submit', (e) => void submitAccount(e))
  $('account-role').addEventListener('change', showAgencyChoice)
  $('copy-account-password').addEventListener(
    'click',
    () => void copyText($<HTMLInputElement>('account-password-value')),
  )
  showAgencyChoice()
}

/** The administrator's accounts section: the people who sign in, added, reset, locked and unlocked. */
export async function loadAccounts(email: string | undefined, onMessage: Notify): Promise<void> {
  selfEmail = (email ?? '').toLowerCase()
  notify = onMessage
  $('accounts').hidden = false
  if (!wired) {
    wireForm()
    wired = true
  }
  const agencies = await readJson<Agency[]>('/api/agencies')
  const select = $<HTMLSelectElement>('account-agency')
  select.textContent = ''
  const groups = new Map<string, HTMLOptGroupElement>()
  for (const a of agencies) {
    agencyNames.set(a.id, a.name)
    const label = a.kind === 'xa' ? 'Xã, phường' : 'Sở, ban, ngành và đơn vị cấp tỉnh'
    let group = groups.get(label)
    if (!group) {
      group = document.createElement('optgroup')
      group.label = label
      groups.set(label, group)
      select.appendChild(group)
    }
    group.appendChild(new Option(a.name, a.id))
  }
  await loadAccountRows()
}
