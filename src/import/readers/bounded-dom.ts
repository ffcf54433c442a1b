// HTML and Word XML into a DOM with bounds checked while parsing: a hostile file (tags nested
// thousands deep, millions of empty paragraphs) is refused before it exhausts the stack, memory or
// time, in the CLI and in the browser alike. Real reports stay far below: a filled-in DOCX has tens
// of thousands of elements nested about 15 deep, a web page a few thousand about 30 deep.
import type { Document } from 'domhandler';
import { DomHandler, Parser, type ParserOptions } from 'htmlparser2';
import { groupThousands } from '../../core/count-text.ts';
import { ImportError } from '../errors.ts';

export const MAX_DEPTH = 256;
export const MAX_ELEMENTS = 300_000;

class BoundedHandler extends DomHandler {
  private depth = 0;
  private elements = 0;

  override onopentag(name: string, attribs: Record<string, string>): void {
    if (++this.depth > MAX_DEPTH) throw new ImportError(`文件中的标签嵌套超过 ${MAX_DEPTH} 层，不像是年度报告（可能是恶意构造的文件）`);
    if (++this.elements > MAX_ELEMENTS) throw new ImportError(`文件中的元素超过 ${groupThousands(MAX_ELEMENTS)} 个，不像是年度报告（可能是恶意构造的文件）`);
    super.onopentag(name, attribs);
  }

  override onclosetag(): void {
    this.depth--;
    super.onclosetag();
  }
}

export function parseBoundedDocument(text: string, options: ParserOptions): Document {
  const handler = new BoundedHandler();
  new Parser(handler, options).end(text);
  return handler.root;
}
