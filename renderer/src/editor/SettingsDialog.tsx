import type { Settings } from '../../../domain/settings.ts'
import { Dialog } from '../ui/Dialog.tsx'

/** 设置: the editor's preferences, kept by the app for every draft. */
export function SettingsDialog({
  settings,
  onChange,
  onClose,
}: {
  settings: Settings
  onChange: (patch: Partial<Settings>) => void
  onClose: () => void
}) {
  return (
    <Dialog
      title="设置"
      onClose={onClose}
      actions={
        <button type="button" className="primary" onClick={onClose}>
          完成
        </button>
      }
    >
      <label className="check">
        <input
          type="checkbox"
          checked={settings.fullWidthPunctuation}
          onChange={(e) => onChange({ fullWidthPunctuation: e.target.checked })}
        />
        在中文后输入 , ; : ( ) ? ! 时自动改为全角标点
      </label>
      <fieldset className="radio-group">
        <legend>三级标题编号</legend>
        <label>
          <input
            type="radio"
            name="level3"
            checked={settings.level3Numbering === '1.'}
            onChange={() => onChange({ level3Numbering: '1.' })}
          />
          1.（国家标准）
        </label>
        <label>
          <input
            type="radio"
            name="level3"
            checked={settings.level3Numbering === '1、'}
            onChange={() => onChange({ level3Numbering: '1、' })}
          />
          1、（部分地区习惯）
        </label>
      </fieldset>
      <label className="field">
        <span>编辑区字号：{settings.editorFontSize} 像素</span>
        <input
          type="range"
          min={14}
          max={32}
          value={settings.editorFontSize}
          onChange={(e) => onChange({ editorFontSize: Number(e.target.value) })}
        />
      </label>
    </Dialog>
  )
}
