export { YearUpdate, planYearUpdate, type YearChange, type YearUpdatePlan } from './year-update.ts'
