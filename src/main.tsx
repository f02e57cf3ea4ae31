import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/app.css';
import { App } from './app/App';
import { installTestHook } from './app/testHook';
import { startUrlSync } from './app/urlSync';
import { boot } from './state/trainActions';

installTestHook();
// boot applies the link's settings synchronously before its first await, so the URL sync that
// starts next never overwrites them.
void boot(window.location.search);
startUrlSync();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
