/** Node's code of a failed file operation (ENOSPC, EACCES …), if the error has one. */
export function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined
}

/**
 * The one table from a file-system error code to what the writer is told: what happened, and
 * what they can do. Every service that reads or writes files words its messages from here.
 */
const FS_PROBLEMS = new Map<string, { reason: string; advice: string }>([
  ['ENOSPC', { reason: '磁盘空间已满', advice: '请清理磁盘后点“重试”。' }],
  ['EDQUOT', { reason: '磁盘空间配额已用完', advice: '请清理磁盘或请管理员增加配额后再试。' }],
  [
    'EROFS',
    {
      reason: '数据所在的磁盘是只读的（可能是写保护的U盘、光盘或只读的网络位置）',
      advice: '请把数据放到可写的磁盘上。',
    },
  ],
  [
    'EACCES',
    {
      reason: '没有权限读写这个文件或文件夹（可能设为只读，或被杀毒软件拦截）',
      advice: '请检查文件夹权限后再试。',
    },
  ],
  [
    'EPERM',
    {
      reason: '没有权限写入，或文件被其他程序占用（可能是杀毒软件、网盘同步）',
      advice: '请稍后再试，或检查文件夹权限。',
    },
  ],
  [
    'EBUSY',
    {
      reason: '文件被其他程序占用（可能是杀毒软件、网盘同步）',
      advice: '请稍后再试。',
    },
  ],
  [
    'ENAMETOOLONG',
    { reason: '文件名或文件夹路径太长', advice: '请换一个短一些的文件名，或放到路径较短的位置。' },
  ],
  // Node's answer to a NUL or other forbidden character in a path.
  [
    'ERR_INVALID_ARG_VALUE',
    { reason: '文件名中含有不能使用的字符', advice: '请换一个文件名再试。' },
  ],
  ['EINVAL', { reason: '文件名中含有不能使用的字符', advice: '请换一个文件名再试。' }],
  ['ENOENT', { reason: '文件或文件夹不存在（可能已被移动或删除）', advice: '' }],
  ['EEXIST', { reason: '同名的文件已经存在', advice: '' }],
  ['ELOOP', { reason: '路径中有符号链接，为安全起见没有使用它', advice: '' }],
  ['EISDIR', { reason: '本应是文件的位置是一个文件夹', advice: '' }],
  ['ENOTDIR', { reason: '本应是文件夹的位置是一个文件', advice: '' }],
  ['EMFILE', { reason: '同时打开的文件太多', advice: '请关闭一些窗口后再试。' }],
  ['EIO', { reason: '磁盘读写出错（磁盘可能有故障或已被拔出）', advice: '请检查磁盘后再试。' }],
])

/** True for an error of the file system, as opposed to a bug. */
export function isFsError(error: unknown): boolean {
  const code = errorCode(error)
  return code !== undefined && /^E[A-Z]+$/.test(code)
}

/** What happened, as a clause without final punctuation: "磁盘空间已满". */
export function fsErrorReason(error: unknown): string {
  const code = errorCode(error)
  return (code && FS_PROBLEMS.get(code)?.reason) ?? `文件操作失败（${code ?? '未知错误'}）`
}

/** What the writer can do about it, a full sentence, or '' when there is nothing to suggest. */
export function fsErrorAdvice(error: unknown): string {
  const code = errorCode(error)
  return (code && FS_PROBLEMS.get(code)?.advice) ?? ''
}

/** The whole message for a failed operation: "磁盘空间已满，保存失败。请清理磁盘后点“重试”。" */
export function fsFailureMessage(error: unknown, action: string): string {
  return `${fsErrorReason(error)}，${action}失败。${fsErrorAdvice(error)}`
}
