/**
 * A report's life for one agency and period: not sent yet, sent (its latest version waits for Sở
 * Nội vụ), accepted, or returned for correction with a reason, until the agency sends a new version.
 */
export const reportStates = ['missing', 'sent', 'accepted', 'returned'] as const
export type ReportState = (typeof reportStates)[number]

/** What Sở Nội vụ decided about a version. */
export const reviewDecisions = ['accepted', 'returned'] as const
export type ReviewDecision = (typeof reviewDecisions)[number]

/** A decision on a version: by whom, when, and (for a return) why. */
export type Review = {
  submissionId: number
  decision: ReviewDecision
  reason: string | null
  /** Who decided, as the audit trail names them (an e-mail, or "Quản trị (mã …)"). */
  by: string
  at: string
}

/** The state of an agency's report from its latest version and that version's latest decision. */
export function computeReportState(submitted: boolean, review: Review | null): ReportState {
  if (!submitted) return 'missing'
  return review?.decision ?? 'sent'
}

/** The longest reason a return may give (a sentence or two, shown in the add-ins). */
export const maxReturnReason = 500

/** A return reason as typed: trimmed, its white space collapsed; null when empty or too long. */
export function parseReturnReason(text: unknown): string | null {
  if (typeof text !== 'string') return null
  const reason = text.replace(/\s+/g, ' ').trim()
  return reason.length >= 3 && reason.length <= maxReturnReason ? reason : null
}
