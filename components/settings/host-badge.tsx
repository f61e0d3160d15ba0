/** "Sandbox" for a host on 127.0.0.1 / localhost (the built-in platform sandboxes), "Real" otherwise. */
export function HostBadge({ sandbox }: { sandbox: boolean }) {
  return sandbox ? (
    <span className="ml-2 inline-flex rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-200">
      Sandbox
    </span>
  ) : (
    <span className="ml-2 inline-flex rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200">
      Real
    </span>
  );
}
