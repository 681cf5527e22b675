import { useState } from 'preact/hooks'
import { sendJson } from './api.ts'
import { showNotice } from './state.ts'

/**
 * "Đổi mật khẩu": a person changes their own password (POST /api/me/password). The change ends every
 * session of the account, this one too, so the page then goes to the sign-in page.
 */
export function PasswordForm({ onClose }: { onClose: () => void }) {
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [repeat, setRepeat] = useState('')
  const submit = (e: Event) => {
    e.preventDefault()
    if (next !== repeat) return showNotice('Hai lần nhập mật khẩu mới không giống nhau.', 'error')
    sendJson('/api/me/password', { current, password: next })
      .then(() => {
        showNotice(
          'Đã đổi mật khẩu. Mọi phiên đăng nhập đã kết thúc; hãy đăng nhập lại bằng mật khẩu mới.',
        )
        setTimeout(() => (location.href = '/login'), 2000)
      })
      .catch((error: Error) => showNotice(`Không đổi được mật khẩu: ${error.message}`, 'error'))
  }
  return (
    <section id="password-section" aria-labelledby="password-title">
      <h2 id="password-title">Đổi mật khẩu</h2>
      <form id="password-form" class="stack" onSubmit={submit}>
        <label>
          Mật khẩu hiện tại
          <input
            id="password-current"
            type="password"
            autocomplete="current-password"
            required
            value={current}
            onInput={(e) => setCurrent(e.currentTarget.value)}
          />
        </label>
        <label>
          Mật khẩu mới (ít nhất 12 ký tự)
          <input
            id="password-new"
            type="password"
            autocomplete="new-password"
            minLength={12}
            required
            value={next}
            onInput={(e) => setNext(e.currentTarget.value)}
          />
        </label>
        <label>
          Nhập lại mật khẩu mới
          <input
            id="password-repeat"
            type="password"
            autocomplete="new-password"
            required
            value={repeat}
            onInput={(e) => setRepeat(e.currentTarget.value)}
          />
        </label>
        <p class="buttons">
          <button type="submit" class="primary">
            Đổi mật khẩu
          </button>{' '}
          <button type="button" onClick={onClose}>
            Hủy
          </button>
        </p>
      </form>
      <p>
        Sau khi đổi, mọi phiên đăng nhập của tài khoản kết thúc; hãy đăng nhập lại bằng mật khẩu
        mới.
      </p>
    </section>
  )
}
