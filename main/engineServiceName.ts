// The engine utility process's name in app.getAppMetrics() (main process; plain data, so tests can import it without Electron).
export const ENGINE_SERVICE_NAME = 'Backprop Lab engine';
