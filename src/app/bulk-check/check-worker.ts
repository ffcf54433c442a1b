// One published file read and checked off the main thread, with the importer and rules of
// `nianbao check`; a .zip is unpacked here too. The pool terminates a worker that runs too long.
import pdfWorkerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { checkResult } from '../../import/check.ts';
import { configurePdf, ImportError, importReportFile } from '../../import/index.ts';
import type { CheckRequest, CheckResponse } from './check-protocol.ts';
import { unzipReports, ZipError } from './unzip.ts';

const post = (message: CheckResponse, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(message, transfer);

// Inside a worker pdf.js cannot start one of its own (it looks at window.location), so it loads its
// worker module from our build into this thread, and terminating this worker stops it too. That
// module greets the page with a message of its own; isCheckResponse
// (check-protocol.ts) tells ours apart.
configurePdf({ workerSrc: pdfWorkerUrl, cMapUrl: new URL(`${import.meta.env.BASE_URL}pdfjs/cmaps/`, self.location.origin).href });

self.onmessage = async ({ data }: MessageEvent<CheckRequest>) => {
  try {
    if (data.type === 'unzip') {
      const entries = unzipReports(data.bytes);
      return post(
        { type: 'unzipped', entries },
        entries.flatMap((e) => ('bytes' in e ? [e.bytes.buffer] : [])),
      );
    }
    post({ type: 'checked', result: checkResult(data.name, await importReportFile(data.name, data.bytes), null) });
  } catch (e) {
    if (e instanceof ImportError || e instanceof ZipError) post({ type: 'unreadable', message: e.message });
    else post({ type: 'unreadable', message: `读取时出错：${e instanceof Error ? e.message : String(e)}` });
  }
};
