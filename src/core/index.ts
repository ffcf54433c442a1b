// The domain core: pure TypeScript, no React and no Node APIs. Everything else imports from here.

export * from './cells.ts';
export * from './count-text.ts';
export * from './diff.ts';
export * from './document.ts';
export * from './finding.ts';
export * from './grid.ts';
export * from './input.ts';
export * from './migrations.ts';
export * from './names.ts';
export { carryOverPairs, forAgency, nextYearDocument, sameAgencyName } from './next-year.ts';
export * from './outdated.ts';
export * from './parse-document.ts';
export * from './preamble.ts';
export * from './relations.ts';
export * from './rollup.ts';
export { openReportYear, statutoryDeadline } from './rules/agency.ts';
export { type UnknownCells, unassessedReasons } from './rules/assessability.ts';
export { RULES, type RuleId, type RuleInfo, type Severity } from './rules/catalog.ts';
export { checkDateAtPublish } from './rules/cover.ts';
export { proseOverlap } from './rules/cross-year.ts';
export { type Assessment, assessReport, type CheckOptions, checkReport, hasErrors } from './rules/index.ts';
export { checkProse, extractClaims } from './rules/prose.ts';
export { checkTableSums } from './rules/table-sums.ts';
export * from './template.ts';
export * from './text-fields.ts';
export * from './text-hygiene.ts';
export * from './totals.ts';
