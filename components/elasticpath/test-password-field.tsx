import { Field } from "@/components/ui/field";

/** The password of a test shopper an admin creates: passed to Elastic Path once, never kept by Storelink. */
export function TestPasswordField({ id, error }: { id: string; error?: string }) {
  return (
    <Field
      id={id}
      name="password"
      type="password"
      label="Password"
      required
      minLength={8}
      autoComplete="new-password"
      hint="Sent to Elastic Path once; Storelink does not keep it."
      error={error}
    />
  );
}
