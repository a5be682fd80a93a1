export { BodyParagraph } from './body-paragraph.ts'
