// Reading an exported .docx back: its parts, schema validation, and LibreOffice rendering.
import { execFile } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

import JSZip from 'jszip'
import { validateXML, type XMLFileInfo } from 'xmllint-wasm'

import { OOXML_SCHEMAS } from '../../../support/external-corpus.ts'

const run = promisify(execFile)
const FONTS_CONF = join(import.meta.dirname, '../../../support/fonts-gongwen.conf')

export async function docxParts(data: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(data)
  const parts = new Map<string, string>()
  for (const [name, file] of Object.entries(zip.files)) {
    if (!file.dir) parts.set(name, await file.async('string'))
  }
  return parts
}

/** The transitional schemas, flattened into one folder for xmllint's in-memory file system. */
function schemaFiles(): XMLFileInfo[] {
  const root = OOXML_SCHEMAS
  if (!root)
    throw new Error('no OOXML schemas: run schema tests with describeWith(OOXML_SCHEMAS, …)')
  const files: XMLFileInfo[] = []
  for (const dir of ['ISO-IEC29500-4_2016', 'mce', 'microsoft']) {
    for (const name of readdirSync(join(root, dir)).filter((n) => n.endsWith('.xsd'))) {
      const contents = readFileSync(join(root, dir, name), 'utf8')
        .replace(/schemaLocation="\.\.\/[^"/]+\/([^"]+)"/g, 'schemaLocation="$1"')
        .replace('schemaLocation="http://www.w3.org/2001/03/xml.xsd"', 'schemaLocation="xml.xsd"')
        // The xml namespace import has no location: point it at the local copy so nothing is fetched.
        .replace(
          /<xsd:import namespace="http:\/\/www\.w3\.org\/XML\/1998\/namespace"\s*\/>/,
          '<xsd:import namespace="http://www.w3.org/XML/1998/namespace" schemaLocation="xml.xsd"/>',
        )
      files.push({ fileName: name, contents })
    }
  }
  return files
}

/** Drops mc:Ignorable and the attributes of the namespaces it names, which the schemas do not know. */
export function stripIgnorable(xml: string): string {
  const m = /\smc:Ignorable="([^"]*)"/.exec(xml)
  if (!m) return xml
  let out = xml.replace(m[0], '')
  for (const prefix of m[1]!.split(/\s+/).filter(Boolean)) {
    out = out.replace(new RegExp(`\\s${prefix}:[A-Za-z]+="[^"]*"`, 'g'), '')
  }
  return out
}

let schemas: XMLFileInfo[] | null = null

/** Validates WordprocessingML parts against wml.xsd; returns the error messages. */
export async function validateWordParts(parts: Map<string, string>): Promise<string[]> {
  schemas ??= schemaFiles()
  const wml = [...parts.keys()].filter((n) =>
    /^word\/(document|styles|settings|numbering|fontTable|webSettings|footer\d*|header\d*|footnotes|endnotes)\.xml$/.test(
      n,
    ),
  )
  const errors: string[] = []
  for (const name of wml) {
    const result = await validateXML({
      xml: [{ fileName: name.replace(/\//g, '_'), contents: stripIgnorable(parts.get(name)!) }],
      schema: schemas.find((s) => s.fileName === 'wml.xsd')!,
      preload: schemas.filter((s) => s.fileName !== 'wml.xsd'),
      maxMemoryPages: 4096,
    })
    errors.push(...result.errors.map((e) => `${name}: ${e.rawMessage}`))
  }
  return errors
}

/** Every relationship target inside the package exists. */
export function missingRelationshipTargets(parts: Map<string, string>): string[] {
  const missing: string[] = []
  for (const [name, xml] of parts) {
    if (!name.endsWith('.rels')) continue
    const base = name.replace(/_rels\/[^/]*\.rels$/, '')
    for (const m of xml.matchAll(
      /<Relationship [^>]*Target="([^"]+)"[^>]*?(TargetMode="External")?[^>]*\/>/g,
    )) {
      if (m[2]) continue
      const target = m[1]!.startsWith('/') ? m[1]!.slice(1) : `${base}${m[1]}`
      const normalised = target
        .split('/')
        .reduce<string[]>((acc, part) => (part === '..' ? acc.slice(0, -1) : [...acc, part]), [])
        .join('/')
      if (!parts.has(normalised)) missing.push(`${name} → ${m[1]}`)
    }
  }
  return missing
}

export interface Rendered {
  dir: string
  pdf: string
  pages: number
  pageSize: string
}

/** LibreOffice headless renders the file with the official font names mapped to free fonts. */
export async function renderWithLibreOffice(data: Buffer, name = 'report'): Promise<Rendered> {
  const dir = await mkdtemp(join(tmpdir(), 'caogao-render-'))
  const docx = join(dir, `${name}.docx`)
  await writeFile(docx, data)
  await run(
    'soffice',
    [
      '--headless',
      `-env:UserInstallation=file://${dir}/profile`,
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      docx,
    ],
    {
      env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF },
      timeout: 120_000,
    },
  )
  const pdf = join(dir, `${name}.pdf`)
  const info = (await run('pdfinfo', [pdf])).stdout
  return {
    dir,
    pdf,
    pages: Number(/Pages:\s+(\d+)/.exec(info)![1]),
    pageSize: /Page size:\s+(.*)/.exec(info)![1]!.trim(),
  }
}

export interface PageLine {
  text: string
  xMin: number
  xMax: number
  yMin: number
  yMax: number
}

/** The text lines of one PDF page with their positions (pdftotext -bbox-layout). */
export async function pageLines(pdf: string, page: number): Promise<PageLine[]> {
  const html = (
    await run('pdftotext', ['-f', String(page), '-l', String(page), '-bbox-layout', pdf, '-'])
  ).stdout
  const lines: PageLine[] = []
  for (const m of html.matchAll(
    /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g,
  )) {
    const words = [...m[5]!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1])
    lines.push({
      text: words.join(''),
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
    })
  }
  return lines.sort((a, b) => a.yMin - b.yMin)
}

export async function pdfText(pdf: string): Promise<string> {
  return (await run('pdftotext', [pdf, '-'])).stdout
}

/** Converts with LibreOffice headless to another format (fodt, txt …) and returns the file's text. */
export async function convertWithLibreOffice(data: Buffer, format: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'caogao-convert-'))
  const docx = join(dir, 'report.docx')
  await writeFile(docx, data)
  await run(
    'soffice',
    [
      '--headless',
      `-env:UserInstallation=file://${dir}/profile`,
      '--convert-to',
      format,
      '--outdir',
      dir,
      docx,
    ],
    { env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF }, timeout: 120_000 },
  )
  return readFileSync(join(dir, `report.${format.split(':')[0]}`), 'utf8')
}

const decodeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')

/**
 * The paragraphs of a document.xml with every tracked change accepted ('accept': insertions
 * kept, deletions dropped, a deleted paragraph mark joining its paragraph to the next) or
 * rejected (the reverse).
 */
export function resolvedParagraphs(documentXml: string, how: 'accept' | 'reject'): string[] {
  const out: string[] = []
  let carried = ''
  for (const [p] of documentXml.matchAll(/<w:p[ >].*?<\/w:p>|<w:p\/>/gs)) {
    const pPr = /<w:pPr>.*?<\/w:pPr>/s.exec(p)?.[0] ?? ''
    const markIns = /<w:rPr>(?:(?!<\/w:rPr>).)*<w:ins /s.test(pPr)
    const markDel = /<w:rPr>(?:(?!<\/w:rPr>).)*<w:del /s.test(pPr)
    const content = p.replace(pPr, '')
    let text = ''
    for (const m of content.matchAll(
      /<w:(ins|del) [^>]*>(.*?)<\/w:\1>|<w:t(?: [^>]*)?>(.*?)<\/w:t>/gs,
    )) {
      if (m[1] === 'ins') {
        if (how === 'accept')
          text += [...m[2]!.matchAll(/<w:t(?: [^>]*)?>(.*?)<\/w:t>/gs)].map((t) => t[1]).join('')
      } else if (m[1] === 'del') {
        if (how === 'reject')
          text += [...m[2]!.matchAll(/<w:delText(?: [^>]*)?>(.*?)<\/w:delText>/gs)]
            .map((t) => t[1])
            .join('')
      } else text += m[3]
    }
    carried += decodeXml(text)
    if ((how === 'accept' && markDel) || (how === 'reject' && markIns)) continue
    out.push(carried)
    carried = ''
  }
  if (carried) out.push(carried)
  return out
}

/** A property element of a pPr or rPr: its attributes, or the whole element when it has children. */
type Props = Map<string, Map<string, string> | string>

/** The top-level elements of a pPr or rPr's inside (a pPr's own rPr, for the paragraph mark, left out). */
function propsOf(inner: string): Props {
  const props: Props = new Map()
  for (const m of inner.matchAll(/<w:(\w+)((?:\s[^>]*?)?)\s*(\/>|>([\s\S]*?)<\/w:\1>)/g)) {
    const [, name, attrs, whole] = m
    if (name === 'rPr' || name === 'pStyle' || name === 'rStyle') continue
    if (whole !== '/>') props.set(name!, m[0])
    else
      props.set(
        name!,
        new Map([...attrs!.matchAll(/([\w:]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])),
      )
  }
  return props
}

/** Later properties over earlier ones, attribute by attribute where both are attribute lists. */
function merge(...layers: Props[]): Props {
  const out: Props = new Map()
  for (const layer of layers) {
    for (const [name, value] of layer) {
      const was = out.get(name)
      out.set(
        name,
        typeof was === 'object' && typeof value === 'object' ? new Map([...was, ...value]) : value,
      )
    }
  }
  return out
}

const serialise = (props: Props) =>
  [...props]
    .map(([name, value]) =>
      typeof value === 'string'
        ? value
        : `<w:${name}${[...value]
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([k, v]) => ` ${k}="${v}"`)
            .join('')}/>`,
    )
    .join('')

/**
 * document.xml with every paragraph's and run's formatting written out in full, as Word resolves
 * it: document defaults, then the paragraph style and what it is based on, then the character
 * style, then the direct formatting. Lets a test read a run's font, size and spacing the same way
 * whether the writer put them on the run or in styles.xml.
 */
export function withStylesInlined(parts: Map<string, string>): string {
  const styles = parts.get('word/styles.xml') ?? ''
  const inner = (xml: string | undefined, tag: string) =>
    new RegExp(`<w:${tag}>([\\s\\S]*?)</w:${tag}>`).exec(xml ?? '')?.[1] ?? ''
  const defaults = {
    p: propsOf(inner(inner(styles, 'pPrDefault'), 'pPr')),
    r: propsOf(inner(inner(styles, 'rPrDefault'), 'rPr')),
  }
  const declared = new Map<string, { basedOn?: string; p: Props; r: Props }>()
  let defaultParagraph: string | undefined
  for (const m of styles.matchAll(/<w:style ([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const id = /w:styleId="([^"]+)"/.exec(m[1]!)![1]!
    if (/w:type="paragraph"/.test(m[1]!) && /w:default="(1|true)"/.test(m[1]!))
      defaultParagraph = id
    const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(m[2]!)?.[1] ?? ''
    declared.set(id, {
      basedOn: /<w:basedOn w:val="([^"]+)"\/>/.exec(m[2]!)?.[1],
      p: propsOf(pPr.replace(/<w:rPr>[\s\S]*?<\/w:rPr>/, '')),
      r: propsOf(
        /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(m[2]!.replace(/<w:pPr>[\s\S]*?<\/w:pPr>/, ''))?.[1] ?? '',
      ),
    })
  }
  const chain = (id: string | undefined, kind: 'p' | 'r'): Props[] => {
    const layers: Props[] = []
    for (let at = id, depth = 0; at && depth < 10; depth++) {
      const style = declared.get(at)
      if (!style) break
      layers.unshift(style[kind])
      at = style.basedOn
    }
    return layers
  }
  const document = parts.get('word/document.xml')!
  return document.replace(/<w:p( [^>]*)?>([\s\S]*?)<\/w:p>/g, (_, attrs = '', content: string) => {
    const pPrMatch = /^<w:pPr>((?:(?!<\/w:pPr>)[\s\S])*)<\/w:pPr>/.exec(content)
    const pPr = pPrMatch?.[1] ?? ''
    const paragraphStyle = /<w:pStyle w:val="([^"]+)"\/>/.exec(pPr)?.[1] ?? defaultParagraph
    const markRun = /<w:rPr>[\s\S]*?<\/w:rPr>/.exec(pPr)?.[0] ?? ''
    const ownP = propsOf(pPr.replace(markRun, ''))
    const paragraphProps = merge(defaults.p, ...chain(paragraphStyle, 'p'), ownP)
    const rest = pPrMatch ? content.slice(pPrMatch[0].length) : content
    const runs = rest.replace(
      /<w:r( [^>]*)?>([\s\S]*?)<\/w:r>/g,
      (__, rAttrs = '', run: string) => {
        const rPrMatch = /^<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(run)
        const rPr = rPrMatch?.[1] ?? ''
        const runStyle = /<w:rStyle w:val="([^"]+)"\/>/.exec(rPr)?.[1]
        const runProps = merge(
          defaults.r,
          ...chain(paragraphStyle, 'r'),
          ...chain(runStyle, 'r'),
          propsOf(rPr),
        )
        const body = rPrMatch ? run.slice(rPrMatch[0].length) : run
        return `<w:r${rAttrs}><w:rPr>${serialise(runProps)}</w:rPr>${body}</w:r>`
      },
    )
    return `<w:p${attrs}><w:pPr>${serialise(paragraphProps)}${markRun}</w:pPr>${runs}</w:p>`
  })
}
