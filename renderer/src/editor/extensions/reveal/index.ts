export { Reveal } from './reveal.ts'
