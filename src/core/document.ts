// The report document: the one data shape that importers produce, the form edits, the server
// stores and the renderers print.
import { z } from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';
import { CELL_IDS, type CellId, cellRecord, isCellId } from './cells.ts';
import { groupThousands } from './count-text.ts';
import { AGENCY_KINDS, type AgencyKind, FORMAT_IDS, GOV_2021, getTemplate, type ProseKey, proseKeys } from './template.ts';

// Schema errors reach users (CLI, import, API); they read Chinese.
z.config(zhCN());

export const SCHEMA_VERSION = 1;

/** The report's prose texts, in reading order (the template's prose sections and their parts). */
export const PROSE_KEYS = proseKeys(GOV_2021) as [ProseKey, ...ProseKey[]];

/** Characters a yearly report's text can need, all sections together (the longest real ones have ~20,000). */
export const MAX_TEXT_CHARS = 200_000;
const tooLong = { message: `文字过长（上限 ${groupThousands(MAX_TEXT_CHARS)} 字），年度报告不需要这么长` };
const text = z.string().max(MAX_TEXT_CHARS, tooLong);
const shortText = z.string().max(500);
const metaText = z.string().max(1000);
const cellIdSchema = z.string().refine(isCellId, { message: '未知的单元格编号' });

/** A cell value: a finite number (zod refuses Infinity/NaN), or null when empty. Range and integrality are rules, not schema. */
const cellValue = z.number().nullable();

const cellsSchema = z
  .record(z.string(), cellValue)
  .superRefine((cells, ctx) => {
    for (const id of Object.keys(cells)) {
      if (!isCellId(id)) ctx.addIssue({ code: 'custom', path: [id], message: `未知的单元格编号 ${id}` });
    }
    for (const id of CELL_IDS) {
      if (!(id in cells)) ctx.addIssue({ code: 'custom', path: [id], message: `缺少单元格 ${id}` });
    }
  })
  // What the check above established, as a type (z.custom without a check accepts what reaches it).
  .pipe(z.custom<Cells>());

export const agencySchema = z.strictObject({
  name: shortText,
  /** 人民政府部门 publish by 31 January, 人民政府 by 31 March (条例第四十九条). */
  kind: z.enum(AGENCY_KINDS),
  /** Administrative level; decides who may enact 规章. Unknown when null. */
  level: z.enum(['national', 'provincial', 'prefecture', 'county', 'township']).nullable(),
  parent: shortText.nullable(),
});

export const contactSchema = z.strictObject({
  address: shortText,
  postcode: shortText,
  phone: shortText,
  fax: shortText,
  email: shortText,
  website: shortText,
});

/** A report year any known format accepts (the template's bounds). */
export const reportYearSchema = z
  .number()
  .int()
  .min(Math.min(...FORMAT_IDS.map((id) => getTemplate(id).format.years.first)))
  .max(Math.max(...FORMAT_IDS.map((id) => getTemplate(id).format.years.last)));

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' });

export const reportDocumentSchema = z
  .strictObject({
    schemaVersion: z.literal(SCHEMA_VERSION),
    format: z.enum(FORMAT_IDS),
    agency: agencySchema,
    year: reportYearSchema,
    contact: contactSchema,
    /** The preamble as published; null means "use the template's standard sentences". */
    preamble: text.nullable(),
    prose: z.strictObject(Object.fromEntries(PROSE_KEYS.map((k) => [k, text])) as Record<ProseKey, typeof text>),
    /** Text after 六 (some reports close with the download and contact note). */
    closing: text,
    publication: z.strictObject({
      /** 署名: the issuing agency as printed above the date. */
      signatory: shortText,
      date: isoDate.nullable(),
    }),
    cells: cellsSchema,
    /** Text typed into a cell that is not a valid value — kept so that nothing typed is lost. */
    cellText: z.partialRecord(cellIdSchema, shortText),
    /** Cells the user marked 不适用. */
    notApplicable: z.array(cellIdSchema),
    /**
     * Cells an importer could not read (as opposed to printed blank, the agency's own omission): their
     * value is unknown, so no rule judges them. Only an empty cell counts; typing a value ends it.
     * Optional in JSON so that documents written before it still parse.
     */
    unread: z.array(cellIdSchema).default([]),
    /**
     * Subtotals printed for a row group whose parts could not be read (（六）其他处理 as one 2019-style
     * row), keyed `<table>.<group>.<column>`: the column sums use them in place of the unread parts.
     */
    groupTotals: z.record(z.string().regex(/^t\d\.\w+\.\w+$/), z.number()).default({}),
    origin: z.strictObject({
      cells: z.partialRecord(cellIdSchema, z.enum(['imported', 'carriedOver'])),
      prose: z.partialRecord(z.enum(PROSE_KEYS), z.enum(['imported', 'lastYear'])),
    }),
    meta: z.strictObject({
      createdAt: metaText,
      updatedAt: metaText,
      source: metaText.nullable(),
    }),
  })
  .superRefine((doc, ctx) => {
    const total = (doc.preamble ?? '').length + doc.closing.length + Object.values(doc.prose).reduce((n, t) => n + t.length, 0);
    if (total > MAX_TEXT_CHARS) {
      ctx.addIssue({ code: 'custom', path: ['prose'], message: `正文共 ${groupThousands(total)} 字，超过上限 ${groupThousands(MAX_TEXT_CHARS)} 字，年度报告不需要这么长` });
    }
  });

export type ReportDocument = z.infer<typeof reportDocumentSchema>;
export type Cells = Record<CellId, number | null>;

export function emptyCells(): Cells {
  return cellRecord(() => null);
}

export function createBlankDocument(init: { agency: string; year: number; kind?: AgencyKind; now?: Date }): ReportDocument {
  const now = (init.now ?? new Date()).toISOString();
  return {
    schemaVersion: SCHEMA_VERSION,
    format: 'gov-2021',
    agency: { name: init.agency, kind: init.kind ?? 'department', level: null, parent: null },
    year: init.year,
    contact: { address: '', postcode: '', phone: '', fax: '', email: '', website: '' },
    preamble: null,
    prose: Object.fromEntries(PROSE_KEYS.map((k) => [k, ''])) as Record<ProseKey, string>,
    closing: '',
    publication: { signatory: init.agency, date: null },
    cells: emptyCells(),
    cellText: {},
    notApplicable: [],
    unread: [],
    groupTotals: {},
    origin: { cells: {}, prose: {} },
    meta: { createdAt: now, updatedAt: now, source: null },
  };
}
