import { contextBridge, ipcRenderer } from 'electron';
import { createPreloadApi } from './api';

// `window.api`: invoke + on, nothing else. Sandboxed preload, bundled into one CJS file.
contextBridge.exposeInMainWorld('api', createPreloadApi(ipcRenderer));
