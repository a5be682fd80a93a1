/**
 * How much input the app takes on, stated once: the renderer's file check, the import and
 * export services, the worker that runs them and the CLI all read these. Real work reports run
 * to a few hundred kB and a few thousand paragraphs; each limit leaves a wide margin above that
 * and stays far below what would exhaust an old laptop.
 */

const MB = 1024 * 1024

/** A file offered for import, as stored (compressed for .docx). */
export const MAX_IMPORT_BYTES = 20 * MB

/** The base64 text of such a file as it crosses the contract, with a little slack. */
export const MAX_IMPORT_BASE64_CHARS = Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 1024

/** All entries of a .docx/.xlsx once inflated (images included). */
export const MAX_EXPANDED_BYTES = 200 * MB

/** The one XML part read as text (word/document.xml), once inflated. */
export const MAX_DOCUMENT_XML_BYTES = 60 * MB

/** Entries in a zip package; Word writes a few dozen. */
export const MAX_ZIP_ENTRIES = 5000

/** Paragraphs (or lines of a text file) an import reads. */
export const MAX_PARAGRAPHS = 200_000

/** Characters of text an import reads. */
export const MAX_CHARACTERS = 10_000_000

/** How deep XML elements may nest (tables in tables …); Word documents stay below 30. */
export const MAX_NESTING_DEPTH = 200

/** Objects and arrays in one call's input, as its schema meets them (a 100,000-paragraph draft has about 500,000). */
export const MAX_INPUT_OBJECTS = 3_000_000

/** Memory a background job (import, export, check) may use before it is stopped. */
export const JOB_MEMORY_MB = 1024

/** Time a background job may run before it is stopped. */
export const JOB_TIME_LIMIT_MS = 120_000

/** One call's body to the browser host (an import's base64 with room to spare). */
export const MAX_REQUEST_BYTES = 64 * MB

/** Longest file name most file systems take, in UTF-8 bytes. */
export const MAX_FILE_NAME_BYTES = 255

/** Bytes kept free in a file name for the temp suffix of an atomic write. */
export const TEMP_SUFFIX_BYTES = 40

/** Rows of a returned 报送表 read back; ours carry one row per figure, a few dozen. */
export const MAX_RETURN_ROWS = 2000

/** Returned files one roll-up reads; a county has a few dozen townships and schools. */
export const MAX_RETURN_FILES = 300

const mb = (bytes: number) => `${Math.round(bytes / MB)} MB`

/** The writer's message for each limit: which one, in plain Chinese. */
export const LIMIT_MESSAGES = {
  fileBytes: `文件太大，超过了 ${mb(MAX_IMPORT_BYTES)}，不像是一份工作总结。请检查是否选错了文件。`,
  expandedBytes: `文件太大，解压后超过了 ${mb(MAX_EXPANDED_BYTES)}，不像是一份工作总结，可能已损坏或被人改造过。`,
  documentXmlBytes: `文件内容太多，正文解压后超过了 ${mb(MAX_DOCUMENT_XML_BYTES)}，无法导入。`,
  zipEntries: `文件内容太多，包含的部件超过了 ${MAX_ZIP_ENTRIES} 个，不像是一份 Word 文件。`,
  paragraphs: `文件内容太多，超过了 ${MAX_PARAGRAPHS.toLocaleString('en-US')} 个段落，无法导入。请拆成几个文件再导入。`,
  characters: `文件内容太多，超过了 ${MAX_CHARACTERS.toLocaleString('en-US')} 个字符，无法导入。请拆成几个文件再导入。`,
  nesting: `文件结构太复杂，表格或其他内容嵌套超过了 ${MAX_NESTING_DEPTH} 层，无法导入。`,
  inputNesting: `内容嵌套太深，超过了 ${MAX_NESTING_DEPTH} 层，无法处理。`,
  inputObjects: `内容太多，超过了 ${MAX_INPUT_OBJECTS.toLocaleString('en-US')} 个部分，无法处理。`,
  requestBytes: `要传送的内容太大，超过了 ${mb(MAX_REQUEST_BYTES)}，无法处理。请检查是否选错了文件。`,
  memory: `文件太大或内容太多，处理时超过了内存上限（${JOB_MEMORY_MB} MB），已停止。请检查是否选错了文件。`,
  returnRows: `表格行数太多，超过了 ${MAX_RETURN_ROWS} 行，不像是下发的报送表。`,
  returnFiles: `一次最多汇总 ${MAX_RETURN_FILES} 个文件，请分批选择。`,
  time: `文件太大或内容太多，处理时间超过了 ${JOB_TIME_LIMIT_MS / 1000} 秒，已停止。请检查是否选错了文件。`,
} as const

export type LimitName = keyof typeof LIMIT_MESSAGES
