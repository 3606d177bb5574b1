import type { Profile } from "./profiles.ts";
import type { LocalSecrets } from "./secrets.ts";

export type Service = { name: string; url: string; stop: () => Promise<void> };

export type ServiceContext = {
  /** Ports and folders of the running profile. */
  profile: Profile;
  /** The environment the app will get; services add their variables to it. */
  env: NodeJS.ProcessEnv;
  /** Secrets of the embedded defaults. */
  secrets: LocalSecrets;
  /** Where the console is served. */
  appUrl: string;
  log: (line: string) => void;
};

/** Starts the embedded IdP, the sandboxes and the job executor — each only where nothing is configured. */
export async function startOptionalServices(ctx: ServiceContext): Promise<Service[]> {
  const services: Service[] = [];
  void ctx;
  return services;
}
