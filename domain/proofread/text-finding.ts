export type Severity = 'must' | 'should'

export type RuleId =
  | 'placeholder'
  | 'half-width'
  | 'english-quotes'
  | 'unpaired'
  | 'doubled-mark'
  | 'ellipsis'
  | 'dash'
  | 'spacing'
  | 'punctuation'
  | 'sequence'
  | 'count'
  | 'year'
  | 'date'
  | 'ratio'
  | 'thousands'
  | 'arithmetic'
  | 'doubled-word'
  | 'typo'
  | 'fanjian'

/** One slip in one block of text. */
export interface TextFinding {
  rule: RuleId
  severity: Severity
  offset: number
  length: number
  /** What stands in the text. */
  text: string
  /** One line of Chinese saying what is wrong. */
  message: string
  /** The replacement for [offset, offset + length) when the fix is certain. */
  fix?: string
}

/** What the checks know about the report a block stands in. */
export interface CheckContext {
  year: number
  /** The unit that signs the report (云溪县教育局); '' when unknown. */
  unit?: string
  kind?: 'annual' | 'half-year' | 'topical' | 'blank'
}

export const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff'
export const CJK_RE = /[\u3400-\u9fff\uf900-\ufaff]/

export function all(
  re: RegExp,
  text: string,
  make: (m: RegExpMatchArray) => TextFinding | null,
): TextFinding[] {
  const out: TextFinding[] = []
  for (const m of text.matchAll(re)) {
    const f = make(m)
    if (f) out.push(f)
  }
  return out
}

/** A finding on [offset, offset + text.length). */
export function at(
  rule: RuleId,
  severity: Severity,
  offset: number,
  text: string,
  message: string,
  fix?: string,
): TextFinding {
  return {
    rule,
    severity,
    offset,
    length: text.length,
    text,
    message,
    ...(fix !== undefined ? { fix } : {}),
  }
}
