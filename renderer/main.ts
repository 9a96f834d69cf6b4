// Renderer entry: mounts the Backprop Lab shell into the page (renderer process).
import { mount } from 'svelte';
import App from './App.svelte';
import { applyTheme, ThemeState } from './shell/themeChoice.svelte.js';
import './app.css';

// The page's colours are the charts' colours: one theme module, set as CSS variables before anything is drawn.
const theme = new ThemeState();
applyTheme(document.documentElement, theme.theme);

const target = document.getElementById('app');
if (!target) throw new Error('the page has no #app element to mount the lab into');
mount(App, { target, props: { theme } });
