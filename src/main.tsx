import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/app.css';
import { App } from './app/App';
import { installTestHook } from './app/testHook';
import { startUrlSync } from './app/urlSync';
import { boot } from './state/trainActions';
import { startDatasetRoutingSync } from './state/datasetRouting';

installTestHook();
// boot holds the link's settings synchronously before its first await (the URL sync that starts
// next leaves the address bar alone until they are applied or, for another dataset, dismissed).
void boot(window.location.search);
startUrlSync();
startDatasetRoutingSync();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
