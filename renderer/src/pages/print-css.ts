/**
 * The print stylesheet of the pages: A4 with no margins of the printer's own (the page boxes
 * carry the GB/T 9704 margins), and nothing printed but the pages. The app, window.print()
 * and the command line's headless browser all use this one.
 */
export const PAGES_PRINT_CSS = `
@page { size: A4; margin: 0; }
@media print {
  html, body {
    margin: 0 !important; padding: 0 !important; background: #fff !important;
    height: auto !important; overflow: visible !important;
  }
  body > :not(.page-view) { display: none !important; }
  .page-view {
    position: static !important; display: block !important; overflow: visible !important;
    background: #fff !important;
  }
  .page-view-bar { display: none !important; }
  .page-view-pages { overflow: visible !important; }
  .cg-pages { display: block !important; padding: 0 !important; }
  .cg-page { margin: 0 !important; box-shadow: none !important; }
}
`
