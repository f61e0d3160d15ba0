"use client";

import { useId, useState, useTransition } from "react";
import { setUserActive } from "@/lib/actions/users/set-user-active";
import { updateUserRole } from "@/lib/actions/users/update-user-role";
import type { ActionResult } from "@/lib/actions/safe-action";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { userEmailCellId } from "./ids";

type Role = "OWNER" | "ADMIN" | "VIEWER";
export type ManagedUser = { id: string; email: string; role: Role; active: boolean; isMe: boolean };

const ROLE_OPTIONS: { value: Role; label: string }[] = [
  { value: "VIEWER", label: "Viewer" },
  { value: "ADMIN", label: "Admin" },
  { value: "OWNER", label: "Owner" },
];

/** Role and activation controls for one account (owners only). The server enforces the last-owner rule. */
export function UserAccessControls({ user }: { user: ManagedUser }) {
  const id = useId();
  const [role, setRole] = useState<Role>(user.role);
  // Collapsed by default: a table of accounts stays readable (and on a phone, narrow), and the only "Role"
  // field on the page is the add-account form's until an owner opens one row.
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function report(result: ActionResult<unknown>, ok: string) {
    setMessage(result.ok ? { ok: true, text: ok } : { ok: false, text: result.error });
  }

  function saveRole() {
    startTransition(async () => {
      const result = await updateUserRole({ userId: user.id, role });
      report(result, `Role changed to ${role.toLowerCase()}.`);
      if (!result.ok) setRole(user.role);
    });
  }

  function toggleActive() {
    setConfirming(false);
    startTransition(async () => {
      report(await setUserActive({ userId: user.id, active: !user.active }), user.active ? "Deactivated." : "Reactivated.");
    });
  }

  if (!open) {
    return (
      <div className="space-y-1">
        <Button
          variant="secondary"
          onClick={() => setOpen(true)}
          aria-expanded={false}
          aria-describedby={userEmailCellId(user.id)}
        >
          Manage
        </Button>
        <p
          aria-live="polite"
          className={`text-xs ${message?.ok === false ? "text-red-700 dark:text-red-400" : "text-emerald-800 dark:text-emerald-300"}`}
        >
          {message?.text}
        </p>
      </div>
    );
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={`${id}-role`} className="sr-only">
          Role for {user.email}
        </label>
        <select
          id={`${id}-role`}
          autoFocus
          value={role}
          onChange={(e) => setRole(e.target.value as Role)}
          className={`${inputClass} w-auto`}
          disabled={pending}
        >
          {ROLE_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <Button
          variant="secondary"
          onClick={saveRole}
          disabled={pending || role === user.role}
          aria-label={`Save role for ${user.email}`}
        >
          Save role
        </Button>
        {!user.isMe &&
          (confirming ? (
            <span
              role="group"
              aria-label={`Confirm ${user.active ? "deactivation" : "reactivation"} of ${user.email}`}
              className="flex flex-wrap items-center gap-2"
            >
              <span className="text-sm">{user.active ? "Deactivate? They are signed out at once." : "Reactivate?"}</span>
              <Button variant={user.active ? "danger" : "primary"} onClick={toggleActive} disabled={pending} autoFocus>
                {user.active ? "Yes, deactivate" : "Yes, reactivate"}
              </Button>
              <Button variant="ghost" onClick={() => setConfirming(false)}>
                Cancel
              </Button>
            </span>
          ) : (
            <Button
              variant="ghost"
              onClick={() => setConfirming(true)}
              disabled={pending}
              aria-label={`${user.active ? "Deactivate" : "Reactivate"} ${user.email}`}
            >
              {user.active ? "Deactivate" : "Reactivate"}
            </Button>
          ))}
        <Button
          variant="ghost"
          onClick={() => {
            setOpen(false);
            setConfirming(false);
            setRole(user.role);
          }}
          aria-label={`Close the controls for ${user.email}`}
        >
          Close
        </Button>
      </div>
      <p
        aria-live="polite"
        className={`text-xs ${message?.ok === false ? "text-red-700 dark:text-red-400" : "text-emerald-800 dark:text-emerald-300"}`}
      >
        {message?.text}
      </p>
    </div>
  );
}
