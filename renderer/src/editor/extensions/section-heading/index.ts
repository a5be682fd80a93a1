export {
  SectionHeading,
  headingInputPatterns,
  type SectionHeadingOptions,
} from './section-heading.ts'
export {
  blockReader,
  editorLeafText,
  outlineOf,
  posOfBlock,
  blockIndexAt,
  sectionAt,
  sectionPath,
} from './sections.ts'
