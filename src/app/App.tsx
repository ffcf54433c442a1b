// The app shell: the start screen or one report's editor, by the URL hash.
import { EditorPage } from './editor/Editor.tsx';
import { useRoute } from './router.ts';
import { StartPage } from './start/StartPage.tsx';

export function App() {
  const route = useRoute();
  return route.page === 'report' ? <EditorPage key={route.id} id={route.id} step={route.step} /> : <StartPage />;
}
