import {
  FONT_SET_LABELS,
  PAGE_NUMBER_STYLE_LABELS,
  fontSetSchema,
  pageNumberStyleSchema,
  type Fonts,
} from '../../../domain/export/gbt9704.ts'
import type { Settings } from '../../../domain/settings.ts'
import { Dialog } from '../ui/Dialog.tsx'

const FONT_ROLES: [keyof Fonts, string][] = [
  ['title', '标题'],
  ['body', '正文'],
  ['level1', '一级标题'],
  ['level2', '二级标题'],
  ['pageNumber', '页码'],
]

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
      wide
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
      <h3 className="settings-heading">导出 Word</h3>
      <fieldset className="radio-column">
        <legend>字体</legend>
        {fontSetSchema.options.map((set) => (
          <label key={set}>
            <input
              type="radio"
              name="font-set"
              checked={settings.exportFontSet === set}
              onChange={() => onChange({ exportFontSet: set })}
            />
            {FONT_SET_LABELS[set]}
          </label>
        ))}
      </fieldset>
      {settings.exportFontSet === 'custom' && (
        <div className="custom-fonts">
          {FONT_ROLES.map(([role, label]) => (
            <label key={role} className="field">
              <span>{label}字体</span>
              <input
                defaultValue={settings.exportCustomFonts[role]}
                maxLength={40}
                onBlur={(e) => {
                  const name = e.target.value.trim()
                  if (name)
                    onChange({ exportCustomFonts: { ...settings.exportCustomFonts, [role]: name } })
                  else e.target.value = settings.exportCustomFonts[role]
                }}
              />
            </label>
          ))}
        </div>
      )}
      <label className="check">
        <input
          type="checkbox"
          checked={settings.boldLevel2}
          onChange={(e) => onChange({ boldLevel2: e.target.checked })}
        />
        二级标题（楷体）加粗
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={settings.boldLevel3}
          onChange={(e) => onChange({ boldLevel3: e.target.checked })}
        />
        三级标题（仿宋）加粗
      </label>
      <label className="field">
        <span>行距（固定值，磅）：28.95 磅为每页 22 行</span>
        <input
          type="number"
          min={20}
          max={36}
          step={0.05}
          defaultValue={settings.lineSpacingPt}
          onBlur={(e) => {
            const value = Number(e.target.value)
            if (value >= 20 && value <= 36) onChange({ lineSpacingPt: value })
            else e.target.value = String(settings.lineSpacingPt)
          }}
        />
      </label>
      <fieldset className="radio-column">
        <legend>页码</legend>
        {pageNumberStyleSchema.options.map((style) => (
          <label key={style}>
            <input
              type="radio"
              name="page-number"
              checked={settings.pageNumberStyle === style}
              onChange={() => onChange({ pageNumberStyle: style })}
            />
            {PAGE_NUMBER_STYLE_LABELS[style]}
          </label>
        ))}
      </fieldset>
      <label className="check">
        <input
          type="checkbox"
          checked={settings.indicatorAppendix}
          onChange={(e) => onChange({ indicatorAppendix: e.target.checked })}
        />
        另起一页附“附件：主要指标统计表”
      </label>
      <label className="field">
        <span>修订稿中的修订人（不填则用草稿的单位）</span>
        <input
          type="text"
          maxLength={40}
          defaultValue={settings.revisionAuthor}
          onBlur={(e) => {
            const name = e.target.value.trim()
            if (name !== settings.revisionAuthor) onChange({ revisionAuthor: name })
          }}
        />
      </label>
    </Dialog>
  )
}
