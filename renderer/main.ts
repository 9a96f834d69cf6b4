// Renderer entry: mounts the Backprop Lab shell into the page (renderer process).
import { mount } from 'svelte';
import { cssVariables } from '../plots/theme.js';
import App from './App.svelte';
import './app.css';

// The page's colours are the charts' colours: one theme module, set as CSS variables before anything is drawn.
for (const [name, value] of cssVariables()) document.documentElement.style.setProperty(name, value);

const target = document.getElementById('app');
if (!target) throw new Error('the page has no #app element to mount the lab into');
mount(App, { target });
