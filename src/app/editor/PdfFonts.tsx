// The official fonts cannot ship with the product; a clerk may supply their own files (e.g.
// simfang.ttf from Windows) for the PDF. One file per font name in the page style; stored in the
// browser by the PDF module, which loads only when this panel is opened.
import { useState } from 'react';
import type { FontRoleName } from '../../core/index.ts';
import { FontSlotRows } from '../components/FontSlotRows.tsx';

type PdfFontsModule = typeof import('../../export/pdf/browser.ts');

export function PdfFonts() {
  const [mod, setMod] = useState<PdfFontsModule | null>(null);
  const [fonts, setFonts] = useState<{ role: FontRoleName; name: string }[]>([]);
  const [message, setMessage] = useState('');

  const refresh = async (m: PdfFontsModule) => setFonts(await m.listUserFonts());
  const open = async () => {
    if (mod) return;
    const m = await import('../../export/pdf/browser.ts');
    setMod(m);
    await refresh(m);
  };
  const save = async (role: FontRoleName, file: File) => {
    if (!mod) return;
    try {
      await mod.saveUserFont(role, file);
      setMessage(`已保存 ${file.name}，之后导出的 PDF 将使用它`);
    } catch (e) {
      setMessage(e instanceof mod.UserFontError ? e.message : `无法使用该字体文件：${e instanceof Error ? e.message : String(e)}`);
    }
    await refresh(mod);
  };
  const remove = async (role: FontRoleName) => {
    if (!mod) return;
    await mod.removeUserFont(role);
    await refresh(mod);
  };

  return (
    <details className="pdf-fonts" onToggle={(e) => (e.currentTarget.open ? void open() : undefined)}>
      <summary>PDF 字体（可选）：使用本机的公文字体文件</summary>
      <p className="hint">
        未提供时，PDF 使用管理员在服务器上安装的字体，或随系统提供的开源字体（思源宋体、思源黑体、霞鹜文楷）代替。可从本机（如 Windows 的 C:\Windows\Fonts）选择 .ttf / .otf
        文件；文件只保存在本浏览器中。
      </p>
      {mod && (
        <table className="data-table">
          <FontSlotRows
            current={(slot) => fonts.find((f) => f.role === slot.role)?.name}
            empty="使用开源代替字体"
            pick="选择"
            onPick={(slot, file) => void save(slot.role, file)}
            onRemove={(slot) => void remove(slot.role)}
          />
        </table>
      )}
      {message && <p role="status">{message}</p>}
    </details>
  );
}
