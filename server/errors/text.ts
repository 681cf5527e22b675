import type { Bilingual } from '../../core/index.ts'

/**
 * An error's text and the HTTP status it is answered with. Empty texts mean the detail given when the
 * error is raised is the whole (already bilingual) message, as for a command-line usage mistake.
 */
export type ErrorText = Bilingual & { status: number }
