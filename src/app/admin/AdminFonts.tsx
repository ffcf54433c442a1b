// The administrator installs the office's licensed font files once for the whole server (仿宋_GB2312
// from its Windows machines, say): publishing and everyone's PDF exports then use them instead of
// the open substitutes. The server checks each file for all of GB2312 and says what is missing.
import { useState } from 'react';
import type { FontRoleName } from '../../core/index.ts';
import { FontSlotRows } from '../components/FontSlotRows.tsx';
import { useInstalledFonts, useSetInstalledFont } from '../data/queries.ts';

export function AdminFonts() {
  const fonts = useInstalledFonts();
  const set = useSetInstalledFont();
  const [message, setMessage] = useState('');
  const change = (role: FontRoleName, font: string, file: File | null) => {
    setMessage('');
    set.mutate(
      { role, file },
      {
        onSuccess: () => setMessage(file ? `已为“${font}”安装 ${file.name}，发布和导出的 PDF 将使用它` : `已移除“${font}”的字体，改用开源代替字体`),
        onError: (e) => setMessage(e instanceof Error ? e.message : String(e)),
      },
    );
  };
  return (
    <section aria-labelledby="fonts-title">
      <h2 id="fonts-title" className="second">
        公文字体
      </h2>
      <p className="hint">
        官方字体（方正小标宋简体、仿宋_GB2312、黑体、楷体_GB2312）有版权，系统默认用开源字体代替。本单位有授权时，可在此为全系统安装一次 .ttf / .otf 字体文件：发布的 PDF 和所有人导出的 PDF
        都将使用它。文件须包含 GB2312 的全部字符。
      </p>
      {fonts.isError && <p role="alert">{fonts.error.message}</p>}
      <table className="data-table" aria-labelledby="fonts-title">
        <thead>
          <tr>
            <th scope="col">字体</th>
            <th scope="col">已安装</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <FontSlotRows
          current={(slot) => {
            const f = fonts.data?.find((i) => i.role === slot.role);
            return f && `${f.fileName}（${f.family}，${(f.size / 1048576).toFixed(1)} MB）`;
          }}
          empty="未安装，使用开源代替字体"
          pick="安装"
          disabled={set.isPending}
          onPick={(slot, file) => change(slot.role, slot.font, file)}
          onRemove={(slot) => change(slot.role, slot.font, null)}
        />
      </table>
      {set.isPending && <p role="status">正在上传并检查字体……</p>}
      {message && <p role={set.isError ? 'alert' : 'status'}>{message}</p>}
    </section>
  );
}
