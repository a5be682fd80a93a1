import { z } from 'zod'

/** A ProseMirror node as JSON: what the editor hands over and the store keeps. */
export interface DocNode {
  type: string
  attrs?: Record<string, unknown>
  content?: DocNode[]
  text?: string
  marks?: { type: string; attrs?: Record<string, unknown> }[]
}

const markSchema = z.object({
  type: z.string().min(1),
  attrs: z.record(z.string(), z.unknown()).optional(),
})

export const docNodeSchema: z.ZodType<DocNode> = z.lazy(() =>
  z.object({
    type: z.string().min(1),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(docNodeSchema).optional(),
    text: z.string().optional(),
    marks: z.array(markSchema).optional(),
  }),
)

export const docSchema = z.object({
  type: z.literal('doc'),
  content: z.array(docNodeSchema),
})
export type Doc = z.infer<typeof docSchema>

/** The text an inline leaf (an indicator reference) stands for. */
export type LeafText = (node: DocNode) => string

/** The text of a node and its descendants, blocks joined by newlines, leaves as `leafText` says. */
export function plainText(node: DocNode, blockSeparator = '\n', leafText?: LeafText): string {
  if (node.text !== undefined) return node.text
  if (!node.content) {
    return leafText && node.type !== 'paragraph' && node.type !== 'heading' ? leafText(node) : ''
  }
  const isBlockParent = node.content.some(
    (child) => child.content !== undefined || child.type === 'paragraph',
  )
  return node.content
    .map((child) => plainText(child, blockSeparator, leafText))
    .join(isBlockParent ? blockSeparator : '')
}

export function paragraph(text = '', attrs?: Record<string, unknown>): DocNode {
  return {
    type: 'paragraph',
    ...(attrs ? { attrs } : {}),
    ...(text ? { content: [{ type: 'text', text }] } : {}),
  }
}

export function heading(
  level: 1 | 2 | 3 | 4,
  text: string,
  attrs?: Record<string, unknown>,
): DocNode {
  return {
    type: 'heading',
    attrs: { level, ...attrs },
    ...(text ? { content: [{ type: 'text', text }] } : {}),
  }
}
