// The whole report as it will print, drawn from the same outline every exporter uses.

import type { ReportDocument } from '../../core/index.ts';
import { type Block, reportOutline } from '../../export/outline.ts';
import { signatureIndents } from '../../export/signature.ts';
import { LayoutTable } from '../components/LayoutTable.tsx';

function PreviewBlock({ block }: { block: Block }) {
  switch (block.kind) {
    case 'title':
      return (
        <h1 className="p-title">
          {block.lines.map((l, i) => (
            <span key={i}>{l}</span>
          ))}
        </h1>
      );
    case 'paragraph':
      return <p className="p-body">{block.text}</p>;
    case 'heading':
      return block.level === 1 ? <h2 className="p-h1">{block.text}</h2> : <h3 className="p-h2">{block.text}</h3>;
    case 'table':
      return <LayoutTable table={block.table} renderCell={block.text} className="p-table" label={`表${block.table.number}`} />;
    case 'signature': {
      const indents = signatureIndents(block.signatory, block.date);
      return (
        <div className="p-signature">
          {block.signatory && <p style={{ paddingRight: `${indents.signatory}em` }}>{block.signatory}</p>}
          {block.date && <p style={{ paddingRight: `${indents.date}em` }}>{block.date}</p>}
        </div>
      );
    }
  }
}

export function ReportPreview({ doc }: { doc: ReportDocument }) {
  return (
    <article className="paper" aria-label="报告预览">
      {reportOutline(doc).map((b, i) => (
        <PreviewBlock key={i} block={b} />
      ))}
    </article>
  );
}
