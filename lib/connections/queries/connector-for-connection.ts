import {
  createHrSource,
  createImTarget,
  type ConnectorRuntimeOptions,
  type HrSource,
  type ImTarget,
} from "@/lib/connectors";
import { decryptSecrets } from "@/lib/core/crypto/encrypt-secrets";
import type { ConnectionKind } from "../save-connection-schema";

/** The columns a connector is built from; `secretsCipher` must be selected explicitly (lib/core/db omits it). */
export type ConnectorSource = {
  kind: ConnectionKind;
  provider: string;
  config: unknown;
  secretsCipher: string | null;
};

/**
 * Builds the live connector for a Connection row: decrypts its secrets and hands
 * both to the registry, which validates them with the provider's schemas.
 * Throws ConnectorError (bad config/secrets, unknown provider) or a decryption error.
 */
export function connectorForConnection(
  row: ConnectorSource & { kind: "IM_TARGET" },
  runtime?: ConnectorRuntimeOptions,
): ImTarget;
export function connectorForConnection(
  row: ConnectorSource & { kind: "HR_SOURCE" },
  runtime?: ConnectorRuntimeOptions,
): HrSource;
export function connectorForConnection(
  row: ConnectorSource,
  runtime?: ConnectorRuntimeOptions,
): ImTarget | HrSource;
export function connectorForConnection(
  row: ConnectorSource,
  runtime?: ConnectorRuntimeOptions,
): ImTarget | HrSource {
  const secrets = row.secretsCipher ? decryptSecrets(row.secretsCipher) : {};
  return row.kind === "IM_TARGET"
    ? createImTarget(row.provider, row.config, secrets, runtime)
    : createHrSource(row.provider, row.config, secrets, runtime);
}
