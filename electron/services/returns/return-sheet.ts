import ExcelJS from 'exceljs'

import type { DraftIndicator } from '../../../domain/indicators/model.ts'
import { LIMIT_MESSAGES, MAX_IMPORT_BYTES, MAX_RETURN_ROWS } from '../../../domain/limits.ts'
import { ownFigures } from '../../../domain/returns/fill.ts'
import { MAX_RETURN_VALUE, type ReturnField } from '../../../domain/returns/plan.ts'
import type { ReturnedFile, ReturnProblem } from '../../../domain/returns/rollup.ts'
import { safeFileName } from '../export/export-service.ts'
import { checkZipPackage, DamagedZipError } from '../import/zip-limits.ts'
import { ServiceError } from '../service-error.ts'

/** What a round of returns is for: the draft, the period, the office that collects. */
export interface ReturnRound {
  draftId: string
  /** "2025年" as the sheet shows it and the roll-up checks it. */
  period: string
  /** The collecting office (县教育局), shown in the title. */
  office: string
  fields: ReturnField[]
}

export const SHEET_NAME = '报送表'
const META_SHEET = 'caogao'
const META_MARK = 'caogao-return'
const META_VERSION = '1'
const FIRST_ROW = 6
const INPUT_COL = 5
const KEY_COL = 6

const INSTRUCTIONS =
  '填写说明：只在黄色格子里填数字，不带单位，不加逗号，不写公式；比率不用自己算，只填构成它的两个数，县里汇总时统一计算。' +
  '每一格都要填，没有就填 0。请不要改动表格的其他部分，填好后保存，把本文件交回。'

/** `甲镇-报送表.xlsx`, made safe as export names are. */
export function returnFileName(unit: string): string {
  return safeFileName(unit, '-报送表.xlsx', '单位')
}

function border(cell: ExcelJS.Cell) {
  const thin = { style: 'thin' as const }
  cell.border = { top: thin, left: thin, bottom: thin, right: thin }
}

/** One unit's 报送表: protected except the inputs, each input validated, keys hidden. */
export async function writeReturnSheet(round: ReturnRound, unit: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '草稿'
  const ws = wb.addWorksheet(SHEET_NAME, {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1 },
  })
  ws.columns = [
    { width: 6 },
    { width: 30 },
    { width: 8 },
    { width: 48 },
    { width: 16 },
    { width: 10, hidden: true },
  ]
  const font = { name: '宋体', size: 11 }
  ws.mergeCells(1, 1, 1, INPUT_COL)
  const title = ws.getCell(1, 1)
  title.value = `${round.period}教育统计指标报送表`
  title.font = { name: '黑体', size: 16 }
  title.alignment = { horizontal: 'center' }
  ws.getCell(2, 1).value = '填报单位：'
  ws.mergeCells(2, 1, 2, 1)
  ws.getCell(2, 2).value = unit
  ws.getCell(2, 3).value = '时期：'
  ws.getCell(2, 4).value = round.period
  ws.getCell(2, INPUT_COL).value = round.office
  ws.mergeCells(3, 1, 3, INPUT_COL)
  const note = ws.getCell(3, 1)
  note.value = INSTRUCTIONS
  note.alignment = { wrapText: true, vertical: 'top' }
  note.font = { ...font, size: 10 }
  ws.getRow(3).height = 48
  const header = ws.getRow(FIRST_ROW - 1)
  header.values = ['序号', '指标', '单位', '说明（统计口径）', '填报数', 'key']
  header.font = { ...font, bold: true }
  for (let c = 1; c <= INPUT_COL; c++) border(header.getCell(c))

  round.fields.forEach((field, i) => {
    const row = ws.getRow(FIRST_ROW + i)
    row.values = [i + 1, field.name, field.unit, field.definition, null, field.key]
    row.font = font
    row.getCell(4).alignment = { wrapText: true, vertical: 'top' }
    for (let c = 1; c <= INPUT_COL; c++) border(row.getCell(c))
    const input = row.getCell(INPUT_COL)
    input.protection = { locked: false }
    input.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } }
    input.numFmt = field.whole ? '0' : `0.${'#'.repeat(field.maxDecimals)}`
    const kind = field.whole ? '整数' : `数（小数最多${field.maxDecimals}位）`
    input.dataValidation = {
      type: field.whole ? 'whole' : 'decimal',
      operator: 'between',
      allowBlank: false,
      formulae: [0, MAX_RETURN_VALUE],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: '请填数字',
      error: `“${field.name}”请填 0 或大于 0 的${kind}，不带单位。`,
      showInputMessage: true,
      promptTitle: field.name,
      prompt: `单位：${field.unit || '无'}。填${kind}。`,
    }
  })

  // The keys tie the file to its round; hidden from the township, checked on return.
  const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' })
  meta.addRows([
    ['mark', META_MARK],
    ['version', META_VERSION],
    ['draftId', round.draftId],
    ['period', round.period],
    ['unit', unit],
    ['sheet', SHEET_NAME],
  ])
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
  })
  await meta.protect('', {})
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** The text a cell holds as the roll-up reads it, or a problem; formulas are refused, not evaluated. */
function inputText(cell: ExcelJS.Cell): { text: string | null } | { problem: string } {
  const v = cell.value
  if (v === null || v === undefined) return { text: null }
  if (typeof v === 'number') return { text: Number.isFinite(v) ? String(v) : '' }
  if (typeof v === 'string') return { text: v }
  if (typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) {
    return { problem: '这一格是公式，不是数字。请把算出的数直接填进去（不要公式）。' }
  }
  if (typeof v === 'object' && 'richText' in v) {
    return { text: v.richText.map((r) => r.text).join('') }
  }
  if (v instanceof Date) return { problem: '这一格是日期，不是数字。' }
  if (typeof v === 'boolean') return { problem: '这一格不是数字。' }
  return { problem: '这一格的内容读不出来，请重新填写数字。' }
}

function refuse(file: string, message: string): ReturnedFile {
  return {
    file,
    unit: '',
    draftId: '',
    period: '',
    values: new Map(),
    problems: [{ file, cell: null, message }],
  }
}

/** Counts `<row` tags in the worksheet XML in one pass, before exceljs builds a tree of it. */
function countRows(xml: Buffer): number {
  let n = 0
  let at = xml.indexOf('<row')
  while (at !== -1) {
    n += 1
    at = xml.indexOf('<row', at + 4)
  }
  return n
}

/** What a returned file opens to, or why it cannot be one of our sheets. */
type LoadedBook =
  | { wb: ExcelJS.Workbook; ws: ExcelJS.Worksheet; info: Map<string, string> }
  | { refused: ReturnedFile }

const refused = (file: string, message: string) => ({ refused: refuse(file, message) })

/**
 * Opens a 报送表: bounded in bytes, inflated size and rows before parsing, then found by its
 * hidden keys.
 */
async function loadReturnBook(file: string, bytes: Uint8Array): Promise<LoadedBook> {
  if (bytes.length > MAX_IMPORT_BYTES) return refused(file, LIMIT_MESSAGES.fileBytes)
  let sheetXml: Buffer | null
  try {
    sheetXml = checkZipPackage(bytes, 'xl/worksheets/sheet1.xml')
  } catch (error) {
    if (error instanceof DamagedZipError) {
      return refused(
        file,
        '这不是一个能打开的 Excel（.xlsx）文件，可能已损坏，或是另存为了其他格式。',
      )
    }
    if (error instanceof ServiceError) return refused(file, error.message)
    throw error
  }
  if (sheetXml && countRows(sheetXml) > MAX_RETURN_ROWS) {
    return refused(file, LIMIT_MESSAGES.returnRows)
  }
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never)
  } catch {
    return refused(file, '这个 Excel 文件读不出来，可能已损坏。')
  }
  const notOurs = '这不是草稿下发的报送表（找不到表中的隐藏标记），无法汇总。请用下发的表格填写。'
  const meta = wb.getWorksheet(META_SHEET)
  if (!meta) return refused(file, notOurs)
  const info = new Map<string, string>()
  meta.eachRow((row) => {
    const k = row.getCell(1).value
    const v = row.getCell(2).value
    if (typeof k === 'string' && (typeof v === 'string' || typeof v === 'number')) {
      info.set(k, String(v))
    }
  })
  if (info.get('mark') !== META_MARK) return refused(file, notOurs)
  // A renamed sheet is found again by its hidden keys; only the keys matter.
  const ws =
    wb.getWorksheet(info.get('sheet') ?? SHEET_NAME) ??
    wb.worksheets.find((w) => w.name !== META_SHEET && w.getCell(FIRST_ROW, KEY_COL).text !== '')
  if (!ws) return refused(file, '文件中找不到报送表这一页，可能被删除了。')
  if (ws.rowCount > MAX_RETURN_ROWS) return refused(file, LIMIT_MESSAGES.returnRows)
  return { wb, ws, info }
}

/** A received 报送表 filled from the township's own draft, and what was and was not filled. */
export interface FilledSheet {
  bytes: Buffer
  /** "小学在校生数：1200人" for each row filled. */
  filled: string[]
  /** Rows the draft has no figure for, left empty. */
  missing: string[]
  /** Rows already filled in the file, left as they were. */
  kept: string[]
}

/**
 * Fills the empty input cells of a received 报送表 from the draft's figures for this year.
 * Cells already filled are never overwritten; the protection, validation and hidden keys
 * are written back as they came.
 */
export async function fillReturnSheet(
  file: string,
  bytes: Uint8Array,
  indicators: readonly DraftIndicator[],
): Promise<FilledSheet> {
  const loaded = await loadReturnBook(file, bytes)
  if ('refused' in loaded) {
    const first = loaded.refused.problems[0]
    throw new ServiceError('INVALID_INPUT', first?.message ?? '这个文件不能填写。')
  }
  const { wb, ws } = loaded
  const rows: { r: number; name: string; unit: string }[] = []
  for (let r = FIRST_ROW; r <= ws.rowCount; r++) {
    const key = ws.getCell(r, KEY_COL).value
    if (typeof key !== 'string' || key === '') continue
    rows.push({ r, name: ws.getCell(r, 2).text.trim(), unit: ws.getCell(r, 3).text.trim() })
  }
  const figures = ownFigures(rows, indicators)
  const out: FilledSheet = { bytes: Buffer.alloc(0), filled: [], missing: [], kept: [] }
  rows.forEach((row, i) => {
    const cell = ws.getCell(row.r, INPUT_COL)
    const got = inputText(cell)
    if (!('text' in got) || got.text !== null) {
      out.kept.push(row.name)
      return
    }
    const value = figures[i]
    if (value === null || value === undefined) {
      out.missing.push(row.name)
      return
    }
    cell.value = Number(value)
    out.filled.push(`${row.name}：${value}${row.unit}`)
  })
  out.bytes = Buffer.from(await wb.xlsx.writeBuffer())
  return out
}

/**
 * Reads one returned 报送表: bounded in bytes, inflated size and rows before parsing, then
 * the hidden keys and each input cell. It judges nothing of the values (the roll-up does);
 * what it cannot read at all becomes a problem naming the file and the cell.
 */
export async function readReturnSheet(file: string, bytes: Uint8Array): Promise<ReturnedFile> {
  const loaded = await loadReturnBook(file, bytes)
  if ('refused' in loaded) return loaded.refused
  const { ws, info } = loaded
  const unit = info.get('unit') ?? ''
  const problems: ReturnProblem[] = []
  const shownUnit = ws.getCell(2, 2).text.trim()
  if (shownUnit !== unit) {
    problems.push({
      file,
      cell: ws.getCell(2, 2).address,
      message: `填报单位被改成了“${shownUnit}”，这份表是下发给“${unit}”的。请用发给本单位的表填写。`,
    })
  }
  const values = new Map<string, { text: string | null; cell: string }>()
  for (let r = FIRST_ROW; r <= ws.rowCount; r++) {
    const key = ws.getCell(r, KEY_COL).value
    if (typeof key !== 'string' || key === '') continue
    const cell = ws.getCell(r, INPUT_COL)
    const got = inputText(cell)
    if ('problem' in got) {
      problems.push({ file, cell: cell.address, message: got.problem })
      values.set(key, { text: null, cell: cell.address })
    } else values.set(key, { text: got.text, cell: cell.address })
  }
  return {
    file,
    unit,
    draftId: info.get('draftId') ?? '',
    period: info.get('period') ?? '',
    values,
    problems,
  }
}
