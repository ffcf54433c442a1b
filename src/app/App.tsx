// The app shell: the start screen or one report's editor, by the URL hash.
import { EditorPage } from './editor/Editor.tsx';
import { useStorageIsPersistent } from './data/queries.ts';
import { useRoute } from './router.ts';
import { StartPage } from './start/StartPage.tsx';

export function App() {
  const route = useRoute();
  const persistent = useStorageIsPersistent();
  return (
    <>
      {!persistent && (
        <p className="storage-warning" role="alert">
          此浏览器不允许本系统保存数据：关闭或刷新页面后，填写的内容会丢失。请及时导出年报文档（JSON），或换用其他浏览器。
        </p>
      )}
      {route.page === 'report' ? <EditorPage key={route.id} id={route.id} step={route.step} /> : <StartPage />}
    </>
  );
}
