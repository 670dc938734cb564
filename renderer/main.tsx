/** Renderer entry: styles, the remembered theme before first paint, then the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { applyTheme, rememberedTheme } from './app/theme';
import './styles/tokens.css';
import './styles/base.css';
import './styles/controls.css';
import './styles/table.css';

applyTheme(rememberedTheme());

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
