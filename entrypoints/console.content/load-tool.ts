import { sendToWorker } from '@/utils/messaging/send-to-worker';
import { loadedTool, type ToolName, type Tools } from '@/utils/tools/tool-scripts';

const loading = new Map<ToolName, Promise<unknown>>();

/**
 * The tool, put into this tab by the worker the first time the agent's action needs it here (utils/tools/tool-scripts.ts):
 * tools are not part of the console content script, which every console page loads.
 */
export function loadTool<N extends ToolName>(name: N): Promise<Tools[N]> {
  const loaded = loadedTool(name);
  if (loaded) return Promise.resolve(loaded);
  let pending = loading.get(name) as Promise<Tools[N]> | undefined;
  if (!pending) {
    pending = sendToWorker({ type: 'adapters.loadTool', tool: name })
      .then(() => loadedTool(name) ?? Promise.reject(new Error(`the ${name} script did not start`)))
      .finally(() => loading.delete(name));
    loading.set(name, pending);
  }
  return pending;
}
