// The page layout and print stylesheet as one module the command line loads for its PDF:
// built beside the command line (out/main/page-layout.js), as the sources are not shipped.
export { layoutPages } from './layout-pages.ts'
export { PAGES_PRINT_CSS } from './print-css.ts'
