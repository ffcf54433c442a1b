// The document properties every export writes (PDF Info, DOCX core properties): one wording.
import { type ReportDocument, reportSubject, reportTitle } from '../core/index.ts';

export function reportMetadata(doc: ReportDocument): { title: string; author: string; subject: string; keywords: string[] } {
  return {
    title: reportTitle(doc),
    author: doc.publication.signatory || doc.agency.name,
    subject: reportSubject(doc),
    keywords: ['政府信息公开', '年度报告', String(doc.year), doc.agency.name],
  };
}
