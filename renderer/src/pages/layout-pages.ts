import type {
  PageParagraph,
  PageRun,
  PageSpec,
  PageTable,
} from '../../../domain/export/page-spec.ts'

/**
 * Lays the report out as A4 page boxes inside `root` by measuring in the browser, and returns
 * the page count. Self-contained on purpose (no imports, no outer helpers): the command line
 * runs this very function in a headless browser through its source text.
 *
 * Paragraphs fill the text block line by line and break across pages at a line boundary, with
 * no widow or orphan control (as the .docx: every full page has its 22 lines); a heading on a
 * line of its own moves on with the first line of the next paragraph; the title never splits.
 */
export function layoutPages(root: HTMLElement, spec: PageSpec, count?: PageCounting): number {
  const doc = root.ownerDocument
  const g = spec.page
  const PX = 96 / 72
  const capacity = g.linesPerPage * g.linePt
  root.replaceChildren()
  if (!count) root.classList.add('cg-pages')

  const pages: HTMLElement[] = []
  let area: HTMLElement = doc.createElement('div')
  let used = 0

  const newPage = () => {
    const page = doc.createElement('section')
    page.className = 'cg-page'
    page.style.cssText = `position:relative;box-sizing:border-box;width:${g.widthMm}mm;height:${g.heightMm}mm;overflow:hidden;background:#fff;color:#000;break-after:page;`
    area = doc.createElement('div')
    area.className = 'cg-text'
    area.style.cssText = `position:absolute;left:${g.leftPt}pt;top:${g.topPt}pt;width:${g.textWidthPt}pt;height:${g.textHeightPt}pt;`
    page.append(area)
    root.append(page)
    pages.push(page)
    used = 0
  }

  const runElement = (r: PageRun, linePt = g.linePt) => {
    if (r.text === '\n') return doc.createElement('br')
    const span = doc.createElement('span')
    span.textContent = r.text
    // The line box stays one line pitch high whatever faces share the line.
    span.style.cssText = `font-family:${r.font};font-size:${r.sizePt}pt;letter-spacing:${r.letterSpacingPt}pt;font-weight:${r.bold ? 'bold' : 'normal'};line-height:${linePt}pt;vertical-align:top;`
    return span
  }

  const paragraphElement = (p: PageParagraph, runs: PageRun[], continued: boolean) => {
    const el = doc.createElement('p')
    el.className = 'cg-p'
    if (p.node !== null) el.dataset.node = String(p.node)
    el.style.cssText = `margin:0;padding:0 ${p.rightIndentPt}pt 0 0;text-align:${p.align};text-indent:${continued ? 0 : p.firstIndentPt}pt;line-height:${g.linePt}pt;height:auto;min-height:${g.linePt}pt;white-space:pre-wrap;overflow-wrap:anywhere;font-size:${runs[0]?.sizePt ?? 16}pt;font-family:${runs[0]?.font ?? 'serif'};font-kerning:none;font-variant-ligatures:none;`
    el.append(...runs.map((r) => runElement(r)))
    return el
  }

  const lines = (el: HTMLElement) =>
    Math.max(1, Math.round(el.getBoundingClientRect().height / (g.linePt * PX)))

  /** The offset of the first character on line `line` (0-based) of `el`. */
  const lineStart = (el: HTMLElement, line: number, length: number) => {
    const texts: Text[] = []
    const walker = doc.createTreeWalker(el, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text)
    const top = el.getBoundingClientRect().top
    const limit = top + (line - 0.5) * g.linePt * PX
    const range = doc.createRange()
    const topOf = (offset: number) => {
      let rest = offset
      for (const t of texts) {
        if (rest < t.length) {
          range.setStart(t, rest)
          range.setEnd(t, rest + 1)
          const rect = range.getClientRects()[0] ?? range.getBoundingClientRect()
          return rect.top
        }
        rest -= t.length
      }
      return Infinity
    }
    let lo = 0
    let hi = length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (topOf(mid) >= limit) hi = mid
      else lo = mid + 1
    }
    return lo
  }

  function tableRow(t: PageTable, cells: PageRun[], header: boolean) {
    const tr = doc.createElement('tr')
    cells.forEach((c, i) => {
      const td = doc.createElement(header ? 'th' : 'td')
      td.style.cssText = `border:0.5pt solid #000;padding:0 ${t.cellMarginPt}pt;line-height:${t.linePt}pt;vertical-align:middle;text-align:${header || i > 0 ? 'center' : 'left'};`
      if (header) td.style.fontWeight = 'normal'
      td.append(runElement(c, t.linePt))
      tr.append(td)
    })
    return tr
  }

  /** A table with its columns and header row. */
  function tableElement(t: PageTable) {
    const table = doc.createElement('table')
    table.style.cssText = `border-collapse:collapse;table-layout:fixed;width:${t.columnsPt.reduce((a, b) => a + b, 0)}pt;`
    const cols = doc.createElement('colgroup')
    for (const w of t.columnsPt) {
      const col = doc.createElement('col')
      col.style.width = `${w}pt`
      cols.append(col)
    }
    table.append(cols, tableRow(t, t.header, true))
    return table
  }

  if (count) return countPages()

  /**
   * The page count alone, by the same rules as the pages below, from each paragraph's line
   * count and each table row's height. Measured in batches and remembered by content, so after
   * an edit only the changed paragraphs are measured again; -1 while measuring is unfinished.
   */
  function countPages(): number {
    if (!count) return -1
    const known = count.measured
    const box = doc.createElement('div')
    box.style.cssText = `position:absolute;left:-100000px;top:0;visibility:hidden;contain:layout style;width:${g.textWidthPt}pt;`
    root.append(box)
    const keys = count.keys
    const height = (el: Element) => el.getBoundingClientRect().height / PX
    let batch: { key: string; el: HTMLElement; header?: HTMLElement }[] = []
    const measureBatch = () => {
      // Appended together and read together: one layout for the whole batch.
      for (const { key, el, header } of batch) {
        if (!header) known.set(key, [lines(el)])
        else {
          // The header alone as a table, as the pages measure it, then each row.
          const rows = (el as HTMLTableElement).rows
          const heights: number[] = [height(header)]
          for (let r = 1; r < rows.length; r++) heights.push(height(rows[r] as Element))
          known.set(key, heights)
        }
      }
      box.replaceChildren()
      batch = []
    }
    for (let i = 0; i < spec.flows.length; i++) {
      const flow = spec.flows[i]
      const key = keys[i]
      if (!flow || key === undefined || known.has(key)) continue
      if (flow.kind === 'paragraph') {
        const el = paragraphElement(flow, flow.runs, false)
        box.append(el)
        batch.push({ key, el })
      } else {
        const header = tableElement(flow)
        const el = tableElement(flow)
        for (const cells of flow.rows) el.append(tableRow(flow, cells, false))
        box.append(header, el)
        batch.push({ key, el, header })
      }
      if (batch.length >= 40) {
        measureBatch()
        if (count.outOfTime()) {
          box.remove()
          return -1
        }
      }
    }
    measureBatch()
    box.remove()
    // Forget what the text no longer holds.
    const wanted = new Set(keys)
    for (const key of known.keys()) if (!wanted.has(key)) known.delete(key)

    let pageCount = 1
    let at = 0
    const next = () => {
      pageCount += 1
      at = 0
    }
    spec.flows.forEach((flow, i) => {
      const m = known.get(keys[i] ?? '') ?? [1]
      if (flow.kind === 'table') {
        const head = m[0] ?? 0
        if (at + head > capacity && at > 0) next()
        at += head
        let rowsHere = 0
        for (let r = 1; r < m.length; r++) {
          const h = m[r] ?? 0
          if (at + h > capacity + 0.01 && rowsHere > 0) {
            next()
            at = head
            rowsHere = 0
          }
          at += h
          rowsHere += 1
        }
        return
      }
      const keep = flow.keepNext && spec.flows[i + 1] !== undefined
      if (flow.pageBreakBefore && at > 0) next()
      let n = m[0] ?? 1
      for (;;) {
        const room = Math.floor((capacity - at) / g.linePt + 1e-6)
        if (n + (keep ? 1 : 0) <= room) {
          at += n * g.linePt
          return
        }
        if (flow.split && !keep && room > 0) {
          // Broken at a line: the rest keeps its own lines on the next page.
          n -= room
          next()
          continue
        }
        if (at === 0) {
          at += n * g.linePt
          return
        }
        next()
      }
    })
    return pageCount
  }

  const splitRuns = (runs: PageRun[], at: number): [PageRun[], PageRun[]] => {
    const head: PageRun[] = []
    const tail: PageRun[] = []
    let rest = at
    for (const r of runs) {
      if (rest >= r.text.length) head.push(r)
      else if (rest <= 0) tail.push(r)
      else {
        head.push({ ...r, text: r.text.slice(0, rest) })
        tail.push({ ...r, text: r.text.slice(rest) })
      }
      rest -= r.text.length
    }
    return [head, tail]
  }

  const placeParagraph = (p: PageParagraph, keepWithNext: boolean) => {
    if (p.pageBreakBefore && used > 0) newPage()
    let runs = p.runs
    let continued = false
    for (;;) {
      const el = paragraphElement(p, runs, continued)
      area.append(el)
      const n = lines(el)
      const room = Math.floor((capacity - used) / g.linePt + 1e-6)
      const need = n + (keepWithNext ? 1 : 0)
      if (need <= room) {
        used += n * g.linePt
        return
      }
      if (p.split && !keepWithNext && room > 0) {
        const length = runs.reduce((sum, r) => sum + r.text.length, 0)
        const at = lineStart(el, room, length)
        if (at > 0 && at < length) {
          const [head, tail] = splitRuns(runs, at)
          el.replaceChildren(...head.map((r) => runElement(r)))
          runs = tail
          continued = true
          newPage()
          continue
        }
      }
      if (used === 0) {
        // Taller than a page and unsplittable: it stays, clipped at the foot.
        used += n * g.linePt
        return
      }
      el.remove()
      newPage()
    }
  }

  const placeTable = (t: PageTable) => {
    const newTable = () => {
      const table = tableElement(t)
      area.append(table)
      return table
    }
    const row = (cells: PageRun[], header: boolean) => tableRow(t, cells, header)
    const height = (el: HTMLElement) => el.getBoundingClientRect().height / PX
    let table = newTable()
    if (used + height(table) > capacity && used > 0) {
      table.remove()
      newPage()
      table = newTable()
    }
    used += height(table)
    for (const cells of t.rows) {
      const tr = row(cells, false)
      table.append(tr)
      const h = height(tr)
      if (used + h > capacity + 0.01 && table.rows.length > 2) {
        tr.remove()
        newPage()
        table = newTable()
        used = height(table)
        table.append(tr)
      }
      used += height(tr)
    }
  }

  newPage()
  spec.flows.forEach((flow, i) => {
    if (flow.kind === 'table') return placeTable(flow)
    const next = spec.flows[i + 1]
    placeParagraph(flow, flow.keepNext && next !== undefined)
  })

  const pn = spec.pageNumber
  pages.forEach((page, i) => {
    const n = i + 1
    const side = pn.style === 'sides' ? (n % 2 === 1 ? 'right' : 'left') : 'center'
    const folio = doc.createElement('div')
    folio.className = `cg-folio cg-folio-${side}`
    folio.textContent = `${pn.before}${n}${pn.after}`
    const inset = side === 'center' ? 0 : pn.indentPt
    folio.style.cssText = `position:absolute;left:${g.leftPt + (side === 'left' ? inset : 0)}pt;width:${g.textWidthPt - inset}pt;bottom:${pn.bottomPt}pt;text-align:${side};font-family:${pn.font};font-size:${pn.sizePt}pt;line-height:1;white-space:pre;`
    page.append(folio)
  })
  const last = pages[pages.length - 1]
  if (last) last.style.breakAfter = 'auto'
  return pages.length
}

/** Counting pages without drawing them, a little at a time (see layoutPages). */
export interface PageCounting {
  /** Line counts and row heights by content, kept between counts. */
  measured: Map<string, number[]>
  /** Each flow's key into `measured` (pageFlowKeys). */
  keys: string[]
  /** Checked between batches: true stops the count, to go on later. */
  outOfTime: () => boolean
}
