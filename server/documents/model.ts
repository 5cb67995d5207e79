// A printed document as data: headings, paragraphs, ruled tables whose cells span rows and
// columns, images and page breaks. Each document (the 干部任免审批表, the 一人一卡 card, a
// candidate dossier, the annual report) is built once as this model; the .docx writer
// (docx.ts) and the dashboard's print (web/src/export/document.ts) render the same model, so
// the Word file and the printout never say different things (docs/decisions/036-documents.md).

export interface DocImage {
  type: 'png' | 'jpg' | 'svg';
  /** The image's bytes, base64. */
  base64: string;
  /** SVG only: the same picture as PNG, for readers that show no SVG. */
  fallbackPng?: string;
  /** Size on the page, in points (1/72 inch). */
  width: number;
  height: number;
}

export interface DocCell {
  text?: string;
  /** A printed caption (姓名, 性别 …): shaded and centred. */
  label?: boolean;
  colSpan?: number;
  rowSpan?: number;
  align?: 'left' | 'center' | 'right';
  image?: DocImage;
  /** At least this tall, in millimetres (the form's fixed boxes: 简历, opinions). */
  minHeightMm?: number;
}

export type DocBlock =
  | { kind: 'heading'; text: string; level: 1 | 2 }
  | { kind: 'paragraph'; text: string; align?: 'left' | 'center' | 'right'; small?: boolean }
  | {
      kind: 'table';
      /** Relative column widths. */
      widths: number[];
      rows: DocCell[][];
      /** The first row is a header (repeated on each page, shaded). */
      header?: boolean;
      /** Row height, in millimetres, for rows that set none. */
      rowHeightMm?: number;
    }
  | { kind: 'image'; image: DocImage; caption?: string }
  | { kind: 'pageBreak' };

export interface DocModel {
  title: string;
  /** The file name without its extension. */
  fileName: string;
  orientation: 'portrait' | 'landscape';
  /** The footer on every sheet, beside the page numbers. */
  footer: string;
  blocks: DocBlock[];
}

/** A cell with a caption. */
export const label = (text: string, more: Partial<DocCell> = {}): DocCell => ({ text, label: true, ...more });
/** A cell with a value. */
export const value = (text: string | null | undefined, more: Partial<DocCell> = {}): DocCell => ({
  text: text ?? '',
  ...more,
});
