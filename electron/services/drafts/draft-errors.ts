import { ServiceError } from '../service-error.ts'
import { errorCode } from './atomic-write.ts'

/** A failed write explained to the writer; `sideFile` says where the unsaved text went. */
export function saveFailure(error: unknown, sideFile: string | null): ServiceError {
  const kept = sideFile
    ? `内容没有丢失：仍在编辑窗口中，并已另存到 ${sideFile}。`
    : '内容没有丢失：仍在编辑窗口中，请不要关闭程序。'
  const code = errorCode(error)
  let reason: string
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      reason = '磁盘空间已满，无法保存。请清理磁盘后点“重试”。'
      break
    case 'EPERM':
    case 'EBUSY':
    case 'EACCES':
      reason =
        '草稿文件被其他程序占用或没有写入权限（可能是杀毒软件、网盘同步或文件夹设为只读），暂时无法保存。'
      break
    case 'EROFS':
      reason = '数据文件夹所在的磁盘是只读的，无法保存。'
      break
    default:
      reason = `保存失败（${code ?? '未知错误'}）。`
  }
  return new ServiceError('IO_ERROR', `${reason}${kept}`, { cause: error })
}

/** A draft file that cannot be read; the message says why, in Chinese. */
export class DamagedFileError extends Error {}
