import { Dialog } from '../ui/Dialog.tsx'

const SHORTCUTS: [string, string][] = [
  ['Ctrl+S', '立即保存（平时会自动保存）'],
  ['Ctrl+Z / Ctrl+Y', '撤销 / 重做'],
  ['Ctrl+F', '查找'],
  ['Ctrl+H', '查找和替换'],
  ['段首输入“一、”“（一）”“1.”“（1）”', '变为对应级别的标题，编号自动生成'],
  ['Ctrl+Alt+1 至 4', '把当前段落设为一至四级标题'],
  ['Ctrl+Alt+0', '把当前标题改回正文'],
  ['Tab / Shift+Tab（在标题中）', '本节降级 / 升级（下级标题随之调整）'],
  ['Alt+Shift+↑ / ↓', '本节上移 / 下移'],
  ['Tab（出现“一是……”提示时）', '接着写下一项，如“二是”'],
  ['F1', '显示本说明'],
]

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog
      title="快捷键"
      onClose={onClose}
      wide
      actions={
        <button type="button" className="primary" onClick={onClose}>
          知道了
        </button>
      }
    >
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={keys}>
              <th scope="row">{keys}</th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  )
}
