"use client";

import { Field } from "@/components/ui/field";
import { FormDialog } from "@/components/ui/form-dialog";
import { TestPasswordField } from "./test-password-field";
import { createElasticPathTestCustomer } from "@/lib/actions/elasticpath/create-test-customer";

/** Create a test customer with a password (ADMIN), to sign in as them in the storefront preview. */
export function CreateCustomerDialog({ connectionId }: { connectionId: string }) {
  return (
    <FormDialog
      triggerLabel="Create test customer"
      title="Create a test customer"
      submitLabel="Create customer"
      pendingLabel="Creating…"
      submit={(form) =>
        createElasticPathTestCustomer({
          connectionId,
          name: String(form.get("name") ?? ""),
          email: String(form.get("email") ?? ""),
          password: String(form.get("password") ?? ""),
        })
      }
    >
      {(errors) => (
        <>
          <Field id="customer-name" name="name" label="Name" required maxLength={255} error={errors.name?.[0]} />
          <Field id="customer-email" name="email" type="email" label="Email" required maxLength={255} error={errors.email?.[0]} />
          <TestPasswordField id="customer-password" error={errors.password?.[0]} />
        </>
      )}
    </FormDialog>
  );
}
