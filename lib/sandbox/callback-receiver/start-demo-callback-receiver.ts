import { demoEndpointSecrets, ensureDemoCallbacks } from "./ensure-demo-callbacks";
import { startCallbackReceiver, type CallbackReceiver } from "./start-callback-receiver";

/**
 * The local stack's sandbox receiver for data callbacks, with the demo endpoint subscribed to it.
 * It verifies every delivery with the standardwebhooks library using the endpoint's secrets
 * (re-read every 10 s, so a rotation in the console is picked up) and lists what it got at GET /.
 */
export async function startDemoCallbackReceiver(options: {
  port: number;
  log: (line: string) => void;
}): Promise<CallbackReceiver> {
  const receiver = await startCallbackReceiver({ port: options.port });
  let refresh: NodeJS.Timeout | undefined;
  try {
    const demo = await ensureDemoCallbacks(receiver.url);
    if (demo.policyWritten)
      options.log(
        `callbacks: allowed http:// to ${new URL(receiver.url).host} only (the sandbox receiver) in the callback network policy (local stack only; audited)`,
      );
    if (demo.created) options.log(`callbacks: created the demo endpoint → ${receiver.url}`);
    for (const note of demo.notes) options.log(`callbacks: ${note}`);
    const load = async () => receiver.setSecrets(await demoEndpointSecrets(demo.endpointId));
    await load();
    refresh = setInterval(() => load().catch(() => {}), 10_000);
    refresh.unref();
  } catch (error) {
    options.log(`callbacks: demo endpoint not set up: ${(error as Error).message}`);
  }
  return {
    ...receiver,
    close: async () => {
      clearInterval(refresh);
      await receiver.close();
    },
  };
}
