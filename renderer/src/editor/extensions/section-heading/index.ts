export {
  SectionHeading,
  headingInputPatterns,
  type SectionHeadingOptions,
} from './section-heading.ts'
export { outlineOf, posOfBlock, blockIndexAt, sectionAt, sectionPath } from './sections.ts'
