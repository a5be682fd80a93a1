export { ProofreadFixes, findingRange } from './proofread-fixes.ts'
