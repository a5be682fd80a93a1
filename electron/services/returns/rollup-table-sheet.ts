import ExcelJS from 'exceljs'

import type { RollupTable } from '../../../domain/returns/rollup-table.ts'

const NUMBER = /^-?\d+(\.\d+)?$/

/** The roll-up table as a workbook: numbers as numbers, so the county can go on adding in Excel. */
export async function writeRollupTable(table: RollupTable): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '草稿'
  const ws = wb.addWorksheet('汇总表', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1 },
    views: [{ state: 'frozen', xSplit: 1, ySplit: 2 }],
  })
  const width = table.header.length
  ws.columns = table.header.map((h, i) => ({
    width: i === 0 ? 16 : Math.min(30, Math.max(10, h.length * 2 + 2)),
  }))
  const font = { name: '宋体', size: 11 }
  const thin = { style: 'thin' as const }
  const border = { top: thin, left: thin, bottom: thin, right: thin }
  ws.mergeCells(1, 1, 1, width)
  const title = ws.getCell(1, 1)
  title.value = table.title
  title.font = { name: '宋体', size: 14, bold: true }
  title.alignment = { horizontal: 'center' }
  const head = ws.getRow(2)
  table.header.forEach((text, i) => {
    const cell = head.getCell(i + 1)
    cell.value = text
    cell.font = { ...font, bold: true }
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
    cell.border = border
  })
  table.rows.forEach((values, r) => {
    const row = ws.getRow(3 + r)
    const total = r === table.rows.length - 1
    values.forEach((text, i) => {
      const cell = row.getCell(i + 1)
      cell.value = i > 0 && NUMBER.test(text) ? Number(text) : text
      cell.font = { ...font, bold: total }
      cell.alignment = { horizontal: i === 0 ? 'left' : 'right' }
      cell.border = border
    })
  })
  return Buffer.from(await wb.xlsx.writeBuffer())
}
