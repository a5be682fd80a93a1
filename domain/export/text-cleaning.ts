/**
 * Text safe for XML: C0 controls other than tab and newline, U+FFFE, U+FFFF and lone
 * surrogates make a Word file invalid, so they go; everything else stays.
 */
export function xmlSafe(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += text[i]! + text[i + 1]!
        i++
      }
      continue
    }
    if (code >= 0xdc00 && code <= 0xdfff) continue
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a) || code === 0xfffe || code === 0xffff)
      continue
    out += text[i]
  }
  return out
}
