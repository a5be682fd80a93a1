import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx'

/**
 * A report as a download saved from a county government site, then opened and saved in Word:
 * the site's masthead and counters around it, headings with Word's heading styles and without
 * (bold lines), figures in the body, two lines that may or may not be the site's.
 */
export const DRESSED = {
  title: '河东县教育局2025年教育工作总结',
  /** The outline the writer meant, as the editor numbers it. */
  outline: [
    '一、2025年工作开展情况',
    '（一）改善办学条件',
    '（二）建设教师队伍',
    '二、2026年工作思路',
  ],
  /** Kept, but listed as possibly the site's. */
  doubtful: [
    '欢迎各位家长登录平台查看学校发展动态和招生信息',
    '各校办学情况介绍和联系电话可在网站专栏中查看',
  ],
}

const body = (text: string) =>
  new Paragraph({ children: [new TextRun({ text, font: '仿宋_GB2312', size: 32 })] })
const bold = (text: string) =>
  new Paragraph({ children: [new TextRun({ text, font: '楷体_GB2312', size: 32, bold: true })] })
const styled = (text: string, heading: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
  new Paragraph({ heading, children: [new TextRun({ text, font: '黑体', size: 32 })] })

export async function dressedDocx(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          body('河东县人民政府门户网站'),
          body('首页 > 政务公开 > 工作总结'),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: DRESSED.title, font: '方正小标宋简体', size: 44 })],
          }),
          body('发布时间：2026-01-08 09:30  来源：县教育局  浏览次数：1203'),
          body('字号：大 中 小　打印本页　关闭窗口'),
          styled('一、2025年工作开展情况', HeadingLevel.HEADING_1),
          body(
            '全年共投入教育经费3.2亿元，资助家庭经济困难学生3182人，新招聘教师126人，各项工作稳步推进。',
          ),
          bold('（一）改善办学条件'),
          body('新建教学楼2栋，改造校舍面积5600平方米，为农村学校配备图书12000册。'),
          body(DRESSED.doubtful[0]!),
          styled('（二）建设教师队伍', HeadingLevel.HEADING_2),
          body('组织全员培训，参训教师达1850人次，评选县级骨干教师64名。'),
          body(DRESSED.doubtful[1]!),
          bold('二、2026年工作思路'),
          body('坚持立德树人，办好人民满意的教育，推动全县教育事业高质量发展。'),
          body('河东县教育局'),
          body('2026年1月5日'),
          body('上一篇：河东县召开教育工作会议'),
          body('下一篇：河东县开展校园安全检查'),
        ],
      },
    ],
  })
  return Packer.toBuffer(doc)
}
