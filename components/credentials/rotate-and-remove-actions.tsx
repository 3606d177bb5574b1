"use client";
import { useState } from "react";
import { ConfirmActionButton, type ConfirmActionButtonProps } from "./confirm-action-button";
import { SecretShownOnce } from "./secret-shown-once";

/** The new secret a rotation returns, as the shown-once panel presents it. */
type ShownSecret = { title: string; value: string; label?: string; testId: string };

/**
 * A credential row's two actions: rotate (the new secret shown once beneath) and revoke or delete.
 * Shared by OAuth clients and SCIM connections.
 */
export function RotateAndRemoveActions<R, D>({
  rotate,
  remove,
  shown,
  dismissible = false,
}: {
  rotate: Omit<ConfirmActionButtonProps<R>, "onSuccess">;
  remove: ConfirmActionButtonProps<D>;
  /** Picks the new secret out of the rotation's result. */
  shown: (data: R) => ShownSecret;
  /** The panel has a button that hides it. */
  dismissible?: boolean;
}) {
  const [secret, setSecret] = useState<ShownSecret | null>(null);
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex gap-2">
        <ConfirmActionButton {...rotate} onSuccess={(data) => setSecret(shown(data))} />
        <ConfirmActionButton {...remove} />
      </div>
      {secret ? (
        <SecretShownOnce
          title={secret.title}
          values={[{ label: secret.label, value: secret.value, testId: secret.testId }]}
          onDismiss={dismissible ? () => setSecret(null) : undefined}
        />
      ) : null}
    </div>
  );
}
