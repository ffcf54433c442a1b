import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getTemplate } from '../core/index.ts';

function App() {
  const { format } = getTemplate();
  return (
    <main>
      <h1>年报</h1>
      <p>{format.name}</p>
      <ol>
        {format.sections.map((s) => (
          <li key={s.id}>{s.title}</li>
        ))}
      </ol>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
