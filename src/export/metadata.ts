// The document properties every export writes (PDF Info, DOCX core properties): one wording.
import { reportTitle, type ReportDocument } from '../core/index.ts';

export function reportMetadata(doc: ReportDocument): { title: string; author: string; subject: string; keywords: string[] } {
  return {
    title: reportTitle(doc),
    author: doc.publication.signatory || doc.agency.name,
    subject: `${doc.agency.name}${doc.year}年政府信息公开工作年度报告（国办公开办函〔2021〕30号格式）`,
    keywords: ['政府信息公开', '年度报告', String(doc.year), doc.agency.name],
  };
}
