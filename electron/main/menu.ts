import { Menu, app, dialog, type MenuItemConstructorOptions } from 'electron'

/** The usual Chinese application menu; Electron roles keep the platform shortcuts. */
export function setupMenu(isDev: boolean): void {
  const template: MenuItemConstructorOptions[] = [
    {
      label: '文件(&F)',
      submenu: [{ role: 'quit', label: '退出' }],
    },
    {
      label: '编辑(&E)',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    {
      label: '视图(&V)',
      submenu: [
        { role: 'zoomIn', label: '放大' },
        { role: 'zoomOut', label: '缩小' },
        { role: 'resetZoom', label: '实际大小' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: '全屏' },
        ...(isDev ? ([{ role: 'toggleDevTools', label: '开发者工具' }] as const) : []),
      ],
    },
    {
      label: '帮助(&H)',
      submenu: [
        {
          label: '关于草稿',
          click: () => {
            void dialog.showMessageBox({
              type: 'info',
              title: '关于草稿',
              message: `草稿 ${app.getVersion()}`,
              detail: '县乡教育工作总结的离线写作工具。所有草稿只保存在本机。',
            })
          },
        },
      ],
    },
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
