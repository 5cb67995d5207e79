// Documents for print and for Word: the 干部任免审批表 and the 一人一卡 card of people, and the
// candidate dossier of a selection's entries — one model (server/documents/model.ts) rendered as
// an editable .docx here or by the dashboard's print. Every export is audited (what, whose, the
// file's hash); people and entries outside the account's subtree are refused, and the form —
// which carries the identity number, photo and family — needs READ_PERSONAL, as the photo on a
// card does.
import crypto from 'node:crypto';
import { z } from 'zod';
import { todayIso } from '../../domain/dates.ts';
import { refusal } from '../../domain/errors.ts';
import { enumParam } from '../../domain/messages.ts';
import { appendAudit } from '../audit/log.ts';
import { capabilitiesOf } from '../auth/capabilities.ts';
import { ownedByScope } from '../auth/viewer.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { db } from '../db/client.ts';
import { appointmentFormModel } from '../documents/appointment-form.ts';
import { cardsModel, dossierModel } from '../documents/card.ts';
import { docxOf } from '../documents/docx.ts';
import type { DocBlock, DocCell, DocImage, DocModel } from '../documents/model.ts';
import { readForms } from '../interchange/person-form.ts';

const KindEnum = builder.enumType('DocumentKind', {
  values: {
    APPOINTMENT_FORM: { description: '干部任免审批表 of each person (codes: person codes).' },
    CARD: { description: '后备干部简要情况登记表 (一人一卡) of each person (codes: person codes).' },
    DOSSIER: {
      description:
        'Candidate dossier (后备干部人选材料): a ranked cover, then each entry’s card, recommendation per voter group, scores and inspection (codes: entry codes).',
    },
  } as const,
});
export const FormatEnum = builder.enumType('DocumentFormat', {
  values: {
    DOCX: { description: 'An editable Word file (contentBase64).' },
    PRINT: { description: 'The document model for the dashboard to print (document).' },
  } as const,
});

const ImageRef = builder.objectRef<DocImage>('DocumentImage').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    type: t.exposeString('type', { description: 'png, jpg or svg.' }),
    base64: t.exposeString('base64'),
    width: t.exposeFloat('width', { description: 'Points.' }),
    height: t.exposeFloat('height', { description: 'Points.' }),
  }),
});

const CellRef = builder.objectRef<DocCell>('DocumentCell').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    text: t.string({ nullable: true, resolve: (c) => c.text ?? null }),
    label: t.boolean({ resolve: (c) => c.label === true }),
    colSpan: t.int({ resolve: (c) => c.colSpan ?? 1 }),
    rowSpan: t.int({ resolve: (c) => c.rowSpan ?? 1 }),
    align: t.string({ nullable: true, resolve: (c) => c.align ?? null }),
    minHeightMm: t.float({ nullable: true, resolve: (c) => c.minHeightMm ?? null }),
    image: t.field({ type: ImageRef, nullable: true, resolve: (c) => c.image ?? null }),
  }),
});

const RowRef = builder.objectRef<DocCell[]>('DocumentRow').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({ cells: t.field({ type: [CellRef], resolve: (r) => r }) }),
});

const BlockRef = builder.objectRef<DocBlock>('DocumentBlock').implement({
  authScopes: { signedIn: true },
  description: 'A heading, paragraph, table, image or page break.',
  fields: (t) => ({
    kind: t.string({ description: 'heading, paragraph, table, image or pageBreak.', resolve: (b) => b.kind }),
    text: t.string({ nullable: true, resolve: (b) => ('text' in b ? b.text : null) }),
    level: t.int({ nullable: true, resolve: (b) => (b.kind === 'heading' ? b.level : null) }),
    align: t.string({ nullable: true, resolve: (b) => (b.kind === 'paragraph' ? (b.align ?? null) : null) }),
    small: t.boolean({ resolve: (b) => b.kind === 'paragraph' && b.small === true }),
    widths: t.floatList({ nullable: true, resolve: (b) => (b.kind === 'table' ? b.widths : null) }),
    header: t.boolean({ resolve: (b) => b.kind === 'table' && b.header === true }),
    rowHeightMm: t.float({ nullable: true, resolve: (b) => (b.kind === 'table' ? (b.rowHeightMm ?? null) : null) }),
    rows: t.field({ type: [RowRef], nullable: true, resolve: (b) => (b.kind === 'table' ? b.rows : null) }),
    image: t.field({ type: ImageRef, nullable: true, resolve: (b) => (b.kind === 'image' ? b.image : null) }),
    caption: t.string({ nullable: true, resolve: (b) => (b.kind === 'image' ? (b.caption ?? null) : null) }),
  }),
});

const ModelRef = builder.objectRef<DocModel>('Document').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    title: t.exposeString('title'),
    orientation: t.exposeString('orientation', { description: 'portrait or landscape (A4).' }),
    footer: t.exposeString('footer'),
    blocks: t.field({ type: [BlockRef], resolve: (m) => m.blocks }),
  }),
});

export interface Exported {
  fileName: string;
  contentBase64: string | null;
  document: DocModel | null;
}

export const FileRef = builder.objectRef<Exported>('DocumentFile').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    fileName: t.exposeString('fileName'),
    contentBase64: t.exposeString('contentBase64', { nullable: true, description: 'DOCX: the Word file.' }),
    document: t.field({
      type: ModelRef,
      nullable: true,
      description: 'PRINT: the document.',
      resolve: (f) => f.document,
    }),
  }),
});

/**
 * A document handed out: the Word file written (DOCX) or the model for print (PRINT), and an
 * audit record of what was given to whom, with the file's SHA-256.
 */
export async function deliver(
  ctx: Context,
  model: DocModel,
  format: 'DOCX' | 'PRINT',
  audit: { action: string; entity: string; entityCode: string | null; detail: Record<string, unknown> },
): Promise<Exported> {
  const bytes = format === 'DOCX' ? await docxOf(model) : null;
  await db.$transaction((tx) =>
    appendAudit(tx, {
      actor: ctx.viewer.actor,
      action: audit.action,
      entity: audit.entity,
      entityCode: audit.entityCode,
      detail: {
        ...audit.detail,
        format,
        ...(bytes ? { sha256: crypto.createHash('sha256').update(bytes).digest('hex') } : {}),
      },
      requestId: ctx.requestId,
    }),
  );
  return {
    fileName: `${model.fileName}${format === 'DOCX' ? '.docx' : ''}`,
    contentBase64: bytes ? bytes.toString('base64') : null,
    document: format === 'PRINT' ? model : null,
  };
}

/**
 * Refuses codes outside the viewer's subtree (or unknown), naming the field: entries by their
 * unit; people by where they work, or — for a card, which shows their entry — where they are
 * reserved, as the person's own page allows.
 */
async function checkScope(ctx: Context, kind: 'people' | 'reserved people' | 'entries', codes: string[]) {
  const inside = ownedByScope(ctx.viewer);
  const found =
    kind === 'entries'
      ? await db.reserveEntry.findMany({ where: { code: { in: codes }, ...inside }, select: { code: true } })
      : await db.person.findMany({
          where: {
            code: { in: codes },
            ...(ctx.viewer.path && kind === 'reserved people'
              ? { OR: [inside, { reserves: { some: inside } }] }
              : inside),
          },
          select: { code: true },
        });
  const seen = new Set(found.map((f) => f.code));
  if (codes.some((c) => !seen.has(c))) throw refusal('NOT_FOUND', 'auth.notFoundOrOutside', {}, { field: 'codes' });
}

builder.mutationFields((t) => ({
  exportDocument: t.field({
    type: FileRef,
    authScopes: { signedIn: true },
    description:
      'A document for print (PRINT) or as an editable Word file (DOCX): 任免审批表 and 一人一卡 of people, the candidate dossier of entries. Audited.',
    args: {
      kind: t.arg({ type: KindEnum, required: true }),
      codes: t.arg.stringList({
        required: true,
        description: 'At most 500 (a dossier of a whole selection).',
        validate: z.array(z.string().min(1).max(200)).min(1).max(500),
      }),
      format: t.arg({ type: FormatEnum, required: true }),
      asOf: t.arg({ type: 'Date', description: 'The date ages, periods and records are read at; omitted: today.' }),
    },
    resolve: async (_root, { kind, codes, format, asOf }, ctx) => {
      const personal =
        ctx.viewer.role !== null && capabilitiesOf(ctx.viewer.role, ctx.viewer.unitCode).includes('READ_PERSONAL');
      if (kind === 'APPOINTMENT_FORM' && !personal)
        throw refusal(
          'FORBIDDEN',
          'auth.roleMayNot',
          { role: ctx.viewer.role ? enumParam('Role', ctx.viewer.role) : '' },
          { field: 'kind' },
        );
      const unique = [...new Set(codes)];
      await checkScope(ctx, kind === 'DOSSIER' ? 'entries' : kind === 'CARD' ? 'reserved people' : 'people', unique);
      const entryScope = ownedByScope(ctx.viewer);
      const on = asOf ?? todayIso();
      const footer = `${ctx.viewer.actor} · ${on}`;
      let model: DocModel;
      if (kind === 'APPOINTMENT_FORM') {
        const forms = await readForms(db, unique);
        const models = unique.flatMap((code) => {
          const form = forms.get(code);
          return form ? [appointmentFormModel(form, { asOf: on, footer, personCode: code })] : [];
        });
        model = {
          ...models[0]!,
          fileName: models.length === 1 ? models[0]!.fileName : `干部任免审批表-${models.length}人-${on}`,
          blocks: models.flatMap((m, i) => (i ? [{ kind: 'pageBreak' as const }, ...m.blocks] : m.blocks)),
        };
      } else if (kind === 'CARD')
        model = await cardsModel(db, unique, { asOf: on, footer, withPhoto: personal, entryScope });
      else model = await dossierModel(db, unique, { asOf: on, footer, withPhoto: personal, entryScope });
      return deliver(ctx, model, format, {
        action: 'document.export',
        entity: kind === 'DOSSIER' ? 'ReserveEntry' : 'Person',
        entityCode: unique.length === 1 ? (unique[0] ?? null) : null,
        detail: { kind, codes: unique, asOf: on },
      });
    },
  }),
}));
