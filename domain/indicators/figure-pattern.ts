import type { IndicatorKind } from './catalogue.ts'

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * A figure stated right after an indicator's name: "巩固率为99.66%", "本科上线人数 905人",
 * "师生比1∶21". Groups: 1 the name, 2 the words between, 3 the number, 4 the unit.
 * Longer names are tried first, so 残疾儿童入学率 wins over 儿童入学率 at the same place.
 */
export function figureAfterName(
  names: readonly string[],
  kind: IndicatorKind,
  unit: string,
  options: { spaceBeforeUnit?: boolean } = {},
): RegExp {
  const alternatives = [...new Set(names)].sort((a, b) => b.length - a.length).map(escapeRegExp)
  const number = kind === 'ratio' ? '\\d+(?:\\.\\d+)?[:：∶]\\d+(?:\\.\\d+)?' : '\\d+(?:\\.\\d+)?'
  const unitPattern = kind === 'percent' ? '[%％]' : kind === 'ratio' ? '' : escapeRegExp(unit)
  const space = options.spaceBeforeUnit ? '\\s*' : ''
  return new RegExp(
    `(${alternatives.join('|')})([为是达到至约已仅共有计：:\\s]{0,4})(${number})${space}(${unitPattern})(?!\\d|个百分点)`,
    'g',
  )
}
