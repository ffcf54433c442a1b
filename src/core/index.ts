// The domain core: pure TypeScript, no React and no Node APIs. Everything else imports from here.
export * from './template.ts';
export * from './grid.ts';
export * from './cells.ts';
export * from './document.ts';
export * from './parse-document.ts';
export * from './migrations.ts';
export * from './input.ts';
export * from './relations.ts';
export * from './totals.ts';
export * from './finding.ts';
export * from './preamble.ts';
export { RULES, type RuleId, type Severity, type RuleInfo } from './rules/catalog.ts';
export { checkReport, assessReport, hasErrors, type CheckOptions, type Assessment } from './rules/index.ts';
export { statutoryDeadline, openReportYear, formatChineseDate } from './rules/agency.ts';
export { extractClaims, checkProse } from './rules/prose.ts';
export { proseOverlap } from './rules/cross-year.ts';
export { nextYearDocument } from './next-year.ts';
export * from './diff.ts';
