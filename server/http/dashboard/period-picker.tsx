import { useEffect, useState } from 'preact/hooks'
import { listPeriodChoices, parsePeriodInput } from '../../../core/index.ts'
import { period } from './state.ts'

/**
 * The period picker: the quarters, halves and years as people say them ("Quý III/2026"), and what
 * they type ("Quý 3/2026", "Q3/2026", "2026-Q3") read by core's parsePeriodInput.
 */
export function PeriodPicker() {
  const current = period.value
  const [text, setText] = useState(current.label)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => setText(current.label), [current.id])
  const years = [current.year - 1, current.year, current.year + 1]
  const apply = () => {
    const chosen = parsePeriodInput(text)
    if (!chosen) {
      setError(
        `Không hiểu kỳ “${text.trim()}”. Hãy gõ như: Quý 3/2026, Quý III/2026, Q3/2026, 6 tháng đầu năm 2026, Năm 2026.`,
      )
      return
    }
    setError(null)
    setText(chosen.label)
    period.value = chosen
  }
  return (
    <form
      class="period-picker"
      onSubmit={(e) => {
        e.preventDefault()
        apply()
      }}
    >
      <label for="period">Kỳ báo cáo</label>
      <input
        id="period"
        list="period-choices"
        value={text}
        size={18}
        autocomplete="off"
        aria-invalid={error ? 'true' : 'false'}
        aria-describedby={error ? 'period-error' : undefined}
        onInput={(e) => setText(e.currentTarget.value)}
        onChange={apply}
      />
      <datalist id="period-choices">
        {years.flatMap((y) =>
          listPeriodChoices(y).map((p) => <option key={p.id} value={p.label} />),
        )}
      </datalist>
      <button type="submit">Xem</button>
      {error && (
        <p id="period-error" class="period-error" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}
