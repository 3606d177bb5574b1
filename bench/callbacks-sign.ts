// Signs 10k callbacks (one secret, then two during rotation) and verifies them with the
// standardwebhooks library. Run: npx tsx bench/callbacks-sign.ts [count]
import { Webhook } from "standardwebhooks";
import { generateSecret } from "@/lib/callbacks/rules/generate-secret";
import { signCallback } from "@/lib/callbacks/rules/sign-callback";

const count = Number(process.argv[2] ?? 10_000);
const secret = generateSecret();
const previousSecret = generateSecret();
const data = {
  employeeNo: "E1001",
  courseId: "C-42",
  score: 96,
  completedAt: "2026-07-01T08:00:00+08:00",
};

for (const rotating of [false, true]) {
  const started = performance.now();
  const signed = Array.from({ length: count }, (_, i) =>
    signCallback({
      id: `evt_${i}`,
      type: "learning.course.completed",
      timestamp: "2026-07-01T08:00:00+08:00",
      data,
      secret,
      ...(rotating ? { previousSecret, previousSecretExpiresAt: null } : {}),
    }),
  );
  const signedAt = performance.now();
  const receiver = new Webhook(secret);
  for (const s of signed) receiver.verify(s.body, s.headers);
  const verifiedAt = performance.now();
  console.log(
    `${rotating ? "two secrets" : "one secret "}: sign ${count} in ${(signedAt - started).toFixed(0)} ms, ` +
      `verify in ${(verifiedAt - signedAt).toFixed(0)} ms`,
  );
}
