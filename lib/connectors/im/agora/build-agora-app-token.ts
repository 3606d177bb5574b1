import agoraToken from "agora-token";

// A CommonJS package whose named exports Node's ESM loader cannot see (the run command imports
// this file natively): take them from the default export.
const { ChatTokenBuilder } = agoraToken;

export type BuildAgoraAppTokenOptions = {
  appId: string;
  appCertificate: string;
  /** Lifetime in seconds (Agora allows up to 24 h). */
  expireSeconds: number;
};

/**
 * Agora Chat app token ("007" AccessToken2 with the Chat service, app privilege), minted locally from the
 * app id and certificate with Agora's own builder (issued now, random salt).
 */
export function buildAgoraAppToken(options: BuildAgoraAppTokenOptions): string {
  const token = ChatTokenBuilder.buildAppToken(
    options.appId,
    options.appCertificate,
    options.expireSeconds,
  );
  // The builder answers "" instead of throwing when the id or certificate is not 32 hex digits.
  if (!token) throw new Error("Agora app id and app certificate must each be 32 hex digits.");
  return token;
}
