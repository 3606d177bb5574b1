import { RateLimiterMemory } from "rate-limiter-flexible";

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export type LoginThrottleOptions = {
  /** Failed attempts allowed per login name in the window. */
  perLogin?: number;
  /** Failed attempts allowed per client address in the window (covers guessing across names). */
  perIp?: number;
  windowSeconds?: number;
};

/**
 * Counts failed sign-ins on the embedded IdP per login name and per client
 * address; once either reaches its limit, further attempts are refused (even
 * with the right password) until the window has passed. A success clears the
 * login's count.
 */
export function createLoginThrottle({
  perLogin = 5,
  perIp = 20,
  windowSeconds = 15 * 60,
}: LoginThrottleOptions = {}) {
  const byLogin = new RateLimiterMemory({
    keyPrefix: "login",
    points: perLogin,
    duration: windowSeconds,
  });
  const byIp = new RateLimiterMemory({ keyPrefix: "ip", points: perIp, duration: windowSeconds });
  const loginKey = (login: string) => login.trim().toLowerCase();

  return {
    async check(login: string, ip: string): Promise<ThrottleVerdict> {
      const [l, i] = await Promise.all([byLogin.get(loginKey(login)), byIp.get(ip)]);
      const waits = [
        l && l.consumedPoints >= perLogin ? l.msBeforeNext : 0,
        i && i.consumedPoints >= perIp ? i.msBeforeNext : 0,
      ];
      const wait = Math.max(...waits);
      return wait > 0
        ? { allowed: false, retryAfterSeconds: Math.ceil(wait / 1000) }
        : { allowed: true };
    },
    async fail(login: string, ip: string): Promise<void> {
      // penalty() never rejects, unlike consume() at the limit.
      await Promise.all([byLogin.penalty(loginKey(login)), byIp.penalty(ip)]);
    },
    async succeed(login: string): Promise<void> {
      await byLogin.delete(loginKey(login));
    },
  };
}
