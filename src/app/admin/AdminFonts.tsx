// The administrator installs the office's licensed font files once for the whole server (仿宋_GB2312
// from its Windows machines, say): publishing and everyone's PDF exports then use them instead of
// the open substitutes. The server checks each file for all of GB2312 and says what is missing.
import { useState } from 'react';
import type { FontRoleName } from '../../core/index.ts';
import { fontSlots } from '../components/font-slots.ts';
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
        官方字体（方正小标宋简体、仿宋_GB2312、黑体、楷体_GB2312）有版权，系统默认用开源字体代替。本单位有授权时，可在此为全系统安装一次 .ttf / .otf 字体文件：发布的 PDF 和所有人导出的 PDF 都将使用它。文件须包含 GB2312 的全部字符。
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
        <tbody>
          {fontSlots().map((slot) => {
            const current = fonts.data?.find((f) => f.role === slot.role);
            return (
              <tr key={slot.role}>
                <th scope="row">
                  {slot.font}
                  <span className="hint">（{slot.uses}）</span>
                </th>
                <td>{current ? `${current.fileName}（${current.family}，${(current.size / 1048576).toFixed(1)} MB）` : '未安装，使用开源代替字体'}</td>
                <td>
                  <input type="file" accept=".ttf,.otf" disabled={set.isPending} aria-label={`为“${slot.font}”安装字体文件`} onChange={(e) => e.target.files?.[0] && change(slot.role, slot.font, e.target.files[0])} />
                  {current && (
                    <button type="button" className="small" disabled={set.isPending} onClick={() => change(slot.role, slot.font, null)}>
                      移除
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {set.isPending && <p role="status">正在上传并检查字体……</p>}
      {message && <p role={set.isError ? 'alert' : 'status'}>{message}</p>}
    </section>
  );
}
