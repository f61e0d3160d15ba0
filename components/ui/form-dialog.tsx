"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent, type ReactNode } from "react";
import type { ActionResult } from "@/lib/actions/safe-action";
import { Alert } from "./alert";
import { Button, type ButtonVariant } from "./button";
import { Modal } from "./modal";

/**
 * A button that opens a form in a modal and submits it to a server action: the action's error and field errors
 * are shown in the form, success closes it and refreshes the page's server data.
 */
export function FormDialog({
  triggerLabel,
  triggerVariant = "primary",
  title,
  submitLabel,
  pendingLabel,
  submit,
  children,
}: {
  triggerLabel: string;
  triggerVariant?: ButtonVariant;
  title: string;
  submitLabel: string;
  pendingLabel: string;
  submit: (form: FormData) => Promise<ActionResult<unknown>>;
  /** The form's fields, given the action's field errors. */
  children: (fieldErrors: Record<string, string[]>) => ReactNode;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await submit(form);
      if (!result.ok) return (setError(result.error), setFieldErrors(result.fieldErrors ?? {}));
      setOpen(false);
      router.refresh();
    });
  }

  return (
    <>
      <Button variant={triggerVariant} onClick={() => (setError(null), setFieldErrors({}), setOpen(true))}>
        {triggerLabel}
      </Button>
      <Modal open={open} onClose={() => setOpen(false)} title={title}>
        <form onSubmit={onSubmit} className="space-y-4">
          {error && <Alert tone="error">{error}</Alert>}
          {children(fieldErrors)}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? pendingLabel : submitLabel}
            </Button>
          </div>
        </form>
      </Modal>
    </>
  );
}
