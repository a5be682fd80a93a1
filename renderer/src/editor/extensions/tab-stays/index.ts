export { TabStays } from './tab-stays.ts'
