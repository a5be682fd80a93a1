import { catalogueOf, type DraftIndicator } from '../indicators/model.ts'

const plain = (text: string) => text.replace(/\s+/g, '')

/**
 * A township's own figures for the rows of a 报送表 it received: each row found by the name
 * it shows (the indicator's name, or its catalogue name or alias, spaces ignored) with the same unit, and
 * filled only from a plain number this year. Nothing is guessed: a row with no such figure
 * stays empty for the writer to fill by hand.
 */
export function ownFigures(
  rows: readonly { name: string; unit: string }[],
  indicators: readonly DraftIndicator[],
): (string | null)[] {
  const byName = new Map<string, DraftIndicator>()
  for (const ind of indicators) {
    if (ind.kind !== 'count' && ind.kind !== 'money' && ind.kind !== 'area') continue
    if (ind.current === null || !/^\d+(\.\d+)?$/.test(ind.current)) continue
    const entry = catalogueOf(ind)
    for (const name of [ind.name, ...(entry ? [entry.name, ...(entry.aliases ?? [])] : [])]) {
      const key = plain(name)
      if (!byName.has(key)) byName.set(key, ind)
    }
  }
  return rows.map((row) => {
    const ind = byName.get(plain(row.name))
    if (!ind) return null
    if (plain(row.unit) !== '' && plain(ind.unit) !== plain(row.unit)) return null
    return ind.current
  })
}
