export { Enumeration, type EnumerationStorage } from './enumeration.ts'
