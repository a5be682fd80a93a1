export { BULK_CHANGE, DeletionGuard, type DeletionGuardOptions } from './deletion-guard.ts'
