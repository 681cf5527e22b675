import type { Review } from '../../core/index.ts'
import type { ReviewRecord, Store } from '../store/index.ts'

/**
 * Names the people and programs behind stored versions and decisions, as the audit trail shows
 * them: a person by e-mail (an officer "(Sở Nội vụ) thay cho" the unit), a program by its access
 * code's label; never a secret, never an internal id where a name exists.
 */
export function createPeopleNames(store: Store) {
  const roles = new Map<string, 'admin' | 'agency' | null>()
  const roleOf = (email: string) => {
    if (!roles.has(email)) roles.set(email, store.findUser(email)?.role ?? null)
    return roles.get(email)!
  }
  const tokenLabel = (id: string | undefined) => {
    const token = id ? store.getToken(id) : null
    return token?.label ? `mã truy cập “${token.label}”` : null
  }

  /** Whether Sở Nội vụ sent a version for the agency (an admin's token or an officer's account). */
  function isOnBehalf(submittedBy: string | null): boolean {
    if (!submittedBy) return false
    const [kind, rest = ''] = splitOnce(submittedBy)
    return kind === 'admin' || (kind === 'user' && roleOf(rest) === 'admin')
  }

  /** Who sent a version ("can-bo@… (Sở Nội vụ) thay cho Sở Tư pháp", "Mã truy cập “Bổ trợ Excel”"). */
  function describeSender(submittedBy: string | null, agencyName: string): string {
    if (!submittedBy) return 'Không rõ'
    if (submittedBy === 'sheets-pull') return 'Máy chủ lấy từ Google Sheet của cơ quan'
    if (submittedBy === 'agency:demo') return 'Dữ liệu mẫu (bản trình diễn)'
    const [kind, rest = ''] = splitOnce(submittedBy)
    if (kind === 'user')
      return roleOf(rest) === 'admin' ? `${rest} (Sở Nội vụ) thay cho ${agencyName}` : rest
    if (kind === 'admin')
      return `${capitalize(tokenLabel(rest) ?? 'mã quản trị của Sở Nội vụ')} thay cho ${agencyName}`
    return capitalize(tokenLabel(rest) ?? `mã truy cập của ${agencyName}`)
  }

  /** Who decided (a principal as the security log names it: "admin:email", "admin:tokenId"). */
  function describeActor(actor: string): string {
    const [, rest = ''] = splitOnce(actor)
    if (rest.includes('@')) return rest
    return capitalize(tokenLabel(rest) ?? 'mã quản trị của Sở Nội vụ')
  }

  /** A stored decision as answers carry it. */
  function readReview(r: ReviewRecord): Review {
    return {
      submissionId: r.submissionId,
      decision: r.decision,
      reason: r.reason,
      by: describeActor(r.actor),
      at: r.at,
    }
  }

  return { isOnBehalf, describeSender, describeActor, readReview }
}

function splitOnce(text: string): [string, string | undefined] {
  const i = text.indexOf(':')
  return i < 0 ? [text, undefined] : [text.slice(0, i), text.slice(i + 1)]
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
