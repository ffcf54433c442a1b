// The font table's rows, one per distinct font of the page style: the font and what it sets, the file
// in use for it, a file input and 移除. Shared by the clerk's own PDF fonts (kept in the browser) and
// the administrator's (installed on the server).
import { type FontSlot, fontSlots } from './font-slots.ts';

export function FontSlotRows({
  current,
  empty,
  pick,
  disabled,
  onPick,
  onRemove,
}: {
  /** The file in use for a slot, as shown; undefined when none. */
  current: (slot: FontSlot) => string | undefined;
  /** Shown when a slot has no file. */
  empty: string;
  /** The verb of the file input's name: 为“仿宋_GB2312”安装字体文件. */
  pick: '安装' | '选择';
  disabled?: boolean;
  onPick: (slot: FontSlot, file: File) => void;
  onRemove: (slot: FontSlot) => void;
}) {
  return (
    <tbody>
      {fontSlots().map((slot) => {
        const file = current(slot);
        return (
          <tr key={slot.role}>
            <th scope="row">
              {slot.font}
              <span className="hint">（{slot.uses}）</span>
            </th>
            <td>{file ?? empty}</td>
            <td>
              <input
                type="file"
                accept=".ttf,.otf"
                disabled={disabled}
                aria-label={`为“${slot.font}”${pick}字体文件`}
                onChange={(e) => {
                  const picked = e.target.files?.[0];
                  if (picked) onPick(slot, picked);
                }}
              />
              {file !== undefined && (
                <button type="button" className="small" disabled={disabled} onClick={() => onRemove(slot)}>
                  移除
                </button>
              )}
            </td>
          </tr>
        );
      })}
    </tbody>
  );
}
