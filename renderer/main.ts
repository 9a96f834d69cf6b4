// Renderer entry: mounts the Backprop Lab shell into the page (renderer process).
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('the page has no #app element to mount the lab into');
mount(App, { target });
