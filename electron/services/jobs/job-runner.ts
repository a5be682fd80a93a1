import { join } from 'node:path'
import { Worker } from 'node:worker_threads'

import { JOB_MEMORY_MB, JOB_TIME_LIMIT_MS, LIMIT_MESSAGES } from '../../../domain/limits.ts'
import { ServiceError } from '../service-error.ts'
import type { JobMessage, JobOutputs, JobRequest } from './job-protocol.ts'

export interface JobRunnerOptions {
  /** The worker's entry; the bundled .js in Electron, this folder's .ts source elsewhere. */
  workerFile?: string
  memoryMb?: number
  timeLimitMs?: number
}

interface Running {
  fraction: number
  cancel: () => void
}

export const CANCELLED_MESSAGE = '已取消。'

/**
 * Runs each heavy or untrusted job (import, export, check) in a worker thread of its own, with
 * a memory limit and a time limit, so that the main process keeps answering and a hostile file
 * costs the writer a message. A job started with an id can be watched and cancelled by it.
 */
export class JobRunner {
  readonly #workerFile: string
  readonly #memoryMb: number
  readonly #timeLimitMs: number
  readonly #running = new Map<string, Running>()

  constructor(options: JobRunnerOptions = {}) {
    this.#workerFile = options.workerFile ?? join(import.meta.dirname, 'job-worker.ts')
    this.#memoryMb = options.memoryMb ?? JOB_MEMORY_MB
    this.#timeLimitMs = options.timeLimitMs ?? JOB_TIME_LIMIT_MS
  }

  run<K extends JobRequest['kind']>(
    request: Extract<JobRequest, { kind: K }>,
    jobId?: string,
  ): Promise<JobOutputs[K]> {
    if (jobId !== undefined && this.#running.has(jobId)) {
      return Promise.reject(new ServiceError('CONFLICT', '这项任务已在进行中。'))
    }
    return new Promise<JobOutputs[K]>((resolve, reject) => {
      const worker = new Worker(this.#workerFile, {
        workerData: request,
        resourceLimits: {
          maxOldGenerationSizeMb: this.#memoryMb,
          maxYoungGenerationSizeMb: Math.min(64, Math.max(8, this.#memoryMb / 8)),
        },
        stdout: false,
        stderr: false,
      })
      let settled = false
      const finish = (outcome: () => void) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        if (jobId !== undefined) this.#running.delete(jobId)
        outcome()
        void worker.terminate()
      }
      const stop = (code: 'INVALID_INPUT' | 'CANCELLED', message: string) =>
        finish(() => reject(new ServiceError(code, message)))
      const timer = setTimeout(() => stop('INVALID_INPUT', LIMIT_MESSAGES.time), this.#timeLimitMs)
      const running: Running = { fraction: 0, cancel: () => stop('CANCELLED', CANCELLED_MESSAGE) }
      if (jobId !== undefined) this.#running.set(jobId, running)

      worker.on('message', (message: JobMessage) => {
        if (message.type === 'progress') running.fraction = message.fraction
        else if (message.type === 'done') finish(() => resolve(message.value as JobOutputs[K]))
        else finish(() => reject(new ServiceError(message.code, message.message)))
      })
      worker.on('error', (error: Error & { code?: string }) => {
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') stop('INVALID_INPUT', LIMIT_MESSAGES.memory)
        else finish(() => reject(error))
      })
      worker.on('exit', () =>
        finish(() =>
          reject(new ServiceError('INTERNAL', '程序内部出错（后台任务意外结束），请重试。')),
        ),
      )
    })
  }

  /** How far a running job has got, or null when no job runs under that id. */
  progress(jobId: string): number | null {
    return this.#running.get(jobId)?.fraction ?? null
  }

  /** Stops a running job; its caller gets CANCELLED. False when no job runs under that id. */
  cancel(jobId: string): boolean {
    const running = this.#running.get(jobId)
    running?.cancel()
    return running !== undefined
  }
}
