/** An exact decimal: `units` / 10^scale. Figures are compared and subtracted without float error. */
export interface Decimal {
  units: bigint
  scale: number
}

/** "99.66" → 9966/10^2; null for anything but a plain decimal. */
export function parseDecimal(text: string): Decimal | null {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text)
  if (!m) return null
  const fraction = m[3] ?? ''
  const units = BigInt(m[2]! + fraction) * (m[1] ? -1n : 1n)
  return { units, scale: fraction.length }
}

function rescale(d: Decimal, scale: number): bigint {
  return d.units * 10n ** BigInt(scale - d.scale)
}

export function subtract(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale)
  return { units: rescale(a, scale) - rescale(b, scale), scale }
}

export function compare(a: Decimal, b: Decimal): number {
  const d = subtract(a, b).units
  return d === 0n ? 0 : d > 0n ? 1 : -1
}

export function abs(d: Decimal): Decimal {
  return { units: d.units < 0n ? -d.units : d.units, scale: d.scale }
}

/** Rounds half away from zero to `scale` places (99.995 → 100.00 at 2). */
export function round(d: Decimal, scale: number): Decimal {
  if (d.scale <= scale) return { units: rescale(d, scale), scale }
  const factor = 10n ** BigInt(d.scale - scale)
  const negative = d.units < 0n
  const magnitude = negative ? -d.units : d.units
  let q = magnitude / factor
  if ((magnitude % factor) * 2n >= factor) q += 1n
  return { units: negative ? -q : q, scale }
}

export function toText(d: Decimal): string {
  const negative = d.units < 0n
  const digits = (negative ? -d.units : d.units).toString().padStart(d.scale + 1, '0')
  const text = d.scale === 0 ? digits : `${digits.slice(0, -d.scale)}.${digits.slice(-d.scale)}`
  return negative ? `-${text}` : text
}

/** Drops trailing zeros of the fraction: 0.50 → 0.5, 2.00 → 2. */
export function trimmed(d: Decimal): Decimal {
  let { units, scale } = d
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n
    scale -= 1
  }
  return { units, scale }
}

export function toNumber(d: Decimal): number {
  return Number(toText(d))
}

export function add(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale)
  return { units: rescale(a, scale) + rescale(b, scale), scale }
}

/**
 * a × factor ÷ b rounded half away from zero to `scale` places, in integers only, so a county
 * rate made of summed counts carries no float error. b must not be zero.
 */
export function divide(a: Decimal, b: Decimal, scale: number, factor = 1n): Decimal {
  if (b.units === 0n) throw new RangeError('division by zero')
  // a/b = (a.units·10^b.scale) / (b.units·10^a.scale); scale the numerator for `scale` places.
  let num = a.units * factor * 10n ** BigInt(b.scale + scale)
  let den = b.units * 10n ** BigInt(a.scale)
  if (den < 0n) {
    num = -num
    den = -den
  }
  const negative = num < 0n
  const magnitude = negative ? -num : num
  let q = magnitude / den
  if ((magnitude % den) * 2n >= den) q += 1n
  return { units: negative ? -q : q, scale }
}
