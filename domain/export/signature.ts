/**
 * Right indents, in characters, of the signature and the date of an unsealed document:
 * the signature two characters in from the right, the date on the next line with its first
 * character two to the right of the signature's first; when the date is the longer, the date
 * keeps two characters of right space and the signature moves left.
 */
export function signatureIndents(
  signature: string,
  date: string,
): { signature: number; date: number } {
  const s = [...signature].length
  const d = [...date].length
  let sig = 2
  let dt = sig + s - d - 2
  if (dt < 2) {
    dt = 2
    sig = dt - s + d + 2
  }
  return { signature: sig, date: dt }
}
