/**
 * Entry of the throwaway chart preview page. To look at the charts: create charts-preview.html at the
 * repo root with <div id="root"> and <script type="module" src="/src/charts/__preview__/main.tsx">, run
 * `npx vite` and open /charts-preview.html (delete the html afterwards; it is not part of the app).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../styles/app.css';
import { Preview } from './Preview';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Preview />
  </StrictMode>,
);
