export {
  SectionHeading,
  headingInputPatterns,
  type SectionHeadingOptions,
} from './section-heading.ts'
export {
  editorLeafText,
  outlineOf,
  posOfBlock,
  blockIndexAt,
  sectionAt,
  sectionPath,
} from './sections.ts'
