import { readdir } from 'node:fs/promises'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { apiResultSchema, methodNames, type MethodName } from '../../../domain/contract.ts'
import { realDispatch } from './real-handlers.ts'

/** A small seeded generator (mulberry32): the same calls on every run. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function deep(depth: number): unknown {
  let value: unknown = { leaf: true }
  for (let i = 0; i < depth; i++) value = { nested: value, list: [value] }
  return value
}

/** A document node nested `depth` deep, and one shared by reference at each level. */
function deepDoc(depth: number, shared: boolean): unknown {
  let node: unknown = { type: 'text', text: 'x' }
  for (let i = 0; i < depth; i++)
    node = { type: 'paragraph', content: shared ? [node, node] : [node] }
  return { type: 'doc', content: [node] }
}

const protoPolluter = JSON.parse(
  '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}',
)

/** Values no caller should send, each a kind of trouble. */
const HOSTILE: unknown[] = [
  undefined,
  null,
  true,
  0,
  -1,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  -1e308,
  2 ** 53 + 1,
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '/etc/passwd',
  'C:\\Windows\\System32',
  '00000000-0000-0000-0000-000000000000',
  '../00000000-0000-4000-8000-000000000000',
  '\ud800',
  '𠀀'.repeat(5000),
  'x'.repeat(1_000_000),
  '一、'.repeat(100_000),
  [],
  [1, 'a', null],
  {},
  protoPolluter,
  deep(200),
  deep(3000),
  deepDoc(50_000, false),
  deepDoc(64, true),
  Object.create(null),
]

/** A plausible input per method, for the fuzzer to break one field at a time. */
function baseInputs(draftId: string): Record<MethodName, Record<string, unknown>> {
  return {
    getAppInfo: {},
    getSettings: {},
    updateSettings: { editorFontSize: 20 },
    listDrafts: {},
    createDraft: { kind: 'annual', topic: '', unit: '某某县教育局', year: 2026 },
    openDraft: { id: draftId },
    saveDraft: { id: draftId, baseRevision: 0, content: {} },
    renameDraft: { id: draftId, title: '新标题' },
    duplicateDraft: { id: draftId },
    carryForwardDraft: { id: draftId },
    trashDraft: { id: draftId },
    listTrash: {},
    restoreDraft: { id: draftId },
    deleteDraftForever: { id: draftId },
    snapshotDraft: { id: draftId, reason: 'close' },
    listRevisions: { id: draftId },
    readRevision: { id: draftId, revisionId: '1' },
    restoreRevision: { id: draftId, revisionId: '1' },
    searchKeys: { texts: ['教育'] },
    exportDraft: { id: draftId },
    exportPdf: { id: draftId },
    openExportedFile: { path: '/etc/passwd', reveal: false },
    listSnippets: {},
    saveSnippet: { text: '常用语', category: '开头' },
    deleteSnippet: { id: 'x' },
    recordSnippetUse: { id: 'x' },
    importSnippetPack: { text: '[]' },
    exportSnippetPack: {},
    importDraft: {
      fileName: '报告.txt',
      data: Buffer.from('一、工作\n全年工作稳步推进。').toString('base64'),
      previousYear: false,
    },
    jobProgress: { jobId: 'job-1' },
    cancelJob: { jobId: 'job-1' },
    readVersionFile: {
      fileName: '退回稿.txt',
      data: Buffer.from('一、工作\n全年工作稳步推进。').toString('base64'),
    },
    compareVersions: { older: VERSION, newer: VERSION },
    exportComparison: {
      older: VERSION,
      newer: VERSION,
      style: 'fixed',
      olderName: '第1版',
      newerName: '当前稿',
    },
    makeReturnSheets: { id: draftId, indicatorIds: ['i-1'], units: ['甲镇'] },
    rollUpReturns: {
      id: draftId,
      units: ['甲镇'],
      files: [{ fileName: '甲镇-报送表.xlsx', data: Buffer.from('x').toString('base64') }],
    },
    fillReturnSheet: {
      id: draftId,
      fileName: '甲镇-报送表.xlsx',
      data: Buffer.from('x').toString('base64'),
    },
    saveRollupTable: {
      table: {
        title: '2026年各乡镇（学校）主要指标统计表',
        header: ['单位', '在校学生数（人）'],
        rows: [
          ['甲镇', '120'],
          ['合计', '120'],
        ],
      },
    },
  }
}

const VERSION = {
  meta: { title: '工作总结', unit: '某某县教育局', year: 2026, kind: 'annual' },
  body: {
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: '全年工作稳步推进。' }] }],
  },
  indicators: [],
}

const SEED = 20261123
const CALLS_PER_METHOD = 24
const CALL_TIME_LIMIT_MS = 30_000

let env: Awaited<ReturnType<typeof realDispatch>>
let draftId: string
beforeAll(async () => {
  env = await realDispatch()
  const created = await env.dispatch('createDraft', baseInputs('').createDraft)
  if (!created.ok) throw new Error(created.error.message)
  draftId = (created.value as { id: string }).id
})
afterAll(() => env.dispose())

describe('every contract method under hostile input', () => {
  it.each(methodNames.map((m) => [m]))(
    '%s answers with a typed error or a valid output',
    async (method) => {
      const next = random(SEED + methodNames.indexOf(method))
      const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!
      const base = baseInputs(draftId)[method]
      const keys = Object.keys(base)
      for (let i = 0; i < CALLS_PER_METHOD; i++) {
        const mode = next()
        let input: unknown
        if (mode < 0.2) input = pick(HOSTILE)
        else if (mode < 0.85 && keys.length > 0) input = { ...base, [pick(keys)]: pick(HOSTILE) }
        else
          input = {
            ...base,
            [pick(['__proto__', 'constructor', 'extra', '\u0000'])]: pick(HOSTILE),
          }
        const answer = await Promise.race([
          env.dispatch(method, input),
          new Promise((resolve) => setTimeout(() => resolve('hang'), CALL_TIME_LIMIT_MS)),
        ])
        expect(answer, `${method} hung on call ${i}`).not.toBe('hang')
        const parsed = apiResultSchema.safeParse(answer)
        expect(parsed.success, `${method} call ${i}`).toBe(true)
        if (parsed.success && !parsed.data.ok) {
          expect(
            parsed.data.error.code,
            `${method} call ${i}: ${parsed.data.error.message}`,
          ).not.toBe('INTERNAL')
          expect(parsed.data.error.message).toMatch(/[\u4e00-\u9fff]/)
        }
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    },
    120_000,
  )

  it('wrote nothing outside the data folder, and logged no crash', async () => {
    expect(await readdir(env.root)).toEqual(['data'])
    expect(env.errors.map(String)).toEqual([])
  })
})
