// Packaging for offices: Windows installer (per user, no administrator) and portable exe,
// Linux .deb and AppImage for UOS and Kylin. No auto-update, no network at all.
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'cn.caogao.desktop',
  productName: '草稿',
  executableName: 'caogao',
  copyright: 'Copyright © 2026 Caogao',
  directories: { output: 'dist', buildResources: 'build' },
  files: [
    'out/**/*',
    'package.json',
    // What the app never loads from its dependencies: sources and types, maps, docs, tests.
    // (Not doc/: exceljs keeps its workbook code there.)
    '!**/node_modules/**/*.{ts,cts,mts,map,md,markdown}',
    '!**/node_modules/**/{test,tests,__tests__,docs,example,examples}/**',
    '!**/node_modules/{@types,undici-types}/**',
    // docx is imported as ESM (dist/index.mjs): its CommonJS, UMD and browser builds and its
    // separate entries for charts, math, shapes and the like are never loaded.
    '!**/node_modules/docx/dist/*.{cjs,js}',
    '!**/node_modules/docx/dist/{bibliography,charts,embedded-files,html,layout,macros,math,shapes,watermarks}.mjs',
    // Browser builds Node never loads: exceljs runs lib/ (its main), mammoth lib/index.js.
    '!**/node_modules/exceljs/dist/**',
    '!**/node_modules/mammoth/mammoth.browser*.js',
    // zod and pinyin-pro are imported as ES modules: their CommonJS builds, zod 3 and zod mini
    // are never loaded.
    '!**/node_modules/zod/**/*.cjs',
    '!**/node_modules/zod/{v3,mini,v4-mini,v4/mini}/**',
    '!**/node_modules/pinyin-pro/dist/index.js',
    // Browser and bundler builds beside the Node ones: pako and jszip run lib/ (jszip's main),
    // dayjs its main dayjs.min.js, underscore its underscore-node*.cjs under Node.
    '!**/node_modules/{pako,jszip}/dist/**',
    '!**/node_modules/dayjs/esm/**',
    '!**/node_modules/underscore/{amd,cjs,modules}/**',
    '!**/node_modules/underscore/underscore{,-min,-esm,-esm-min,-umd,-umd-min}.js',
    // Playwright drives a browser for the command line's PDF export only (npm installs it
    // with the command line); the app prints with Electron's printToPDF and never loads it.
    '!**/node_modules/playwright-core/**',
  ],
  asar: true,
  compression: 'normal',
  publish: null,
  electronLanguages: ['zh-CN', 'en-US'],
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  },
  win: {
    target: [
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ],
    icon: 'build/icon.png',
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowElevation: false,
    allowToChangeInstallationDirectory: true,
    installerLanguages: ['zh_CN'],
    language: '2052',
    unicode: true,
    createDesktopShortcut: true,
    shortcutName: '草稿',
    artifactName: 'caogao-setup-${version}-${arch}.${ext}',
  },
  portable: {
    artifactName: 'caogao-portable-${version}-${arch}.${ext}',
  },
  linux: {
    target: [
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ],
    icon: 'build/icon.png',
    category: 'Office',
    synopsis: '教育工作总结写作助手',
    description: '县乡教育工作总结的离线写作与公文格式导出工具',
    maintainer: 'Caogao <caogao@example.invalid>',
    desktop: { entry: { Name: '草稿', 'Name[zh_CN]': '草稿', Comment: '教育工作总结写作助手' } },
  },
  deb: {
    artifactName: 'caogao_${version}_${arch}.${ext}',
  },
  appImage: {
    artifactName: 'caogao-${version}-${arch}.${ext}',
  },
}
