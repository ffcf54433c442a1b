// The 2021 format (国办公开办函〔2021〕30号): a new revision of the format is a sibling folder like this one.
import type { TemplateSource } from '../schema.ts';
import format from './format.ts';
import pageStyle from './page-style.ts';
import tables from './tables.ts';

export default { format, tables, pageStyle } as const satisfies TemplateSource;
