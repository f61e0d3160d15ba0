"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, SelectInput } from "@/components/ui/field";
import { FormDialog } from "@/components/ui/form-dialog";
import { TestPasswordField } from "./test-password-field";
import { createElasticPathTestMember } from "@/lib/actions/elasticpath/create-test-member";

const NEW_ACCOUNT = "__new__";
type Option = { id: string; name: string };

/** Create an account member with a password in an existing or new account (ADMIN), to try the preview as them. */
export function CreateMemberDialog({
  connectionId,
  accounts,
  passwordProfiles,
}: {
  connectionId: string;
  accounts: Option[];
  passwordProfiles: Option[];
}) {
  const [account, setAccount] = useState(accounts[0]?.id ?? NEW_ACCOUNT);
  if (passwordProfiles.length === 0)
    return (
      <Button variant="secondary" disabled title="This store has no password profile for account members.">
        Create test member
      </Button>
    );
  const text = (form: FormData, name: string) => String(form.get(name) ?? "");
  return (
    <FormDialog
      triggerLabel="Create test member"
      triggerVariant="secondary"
      title="Create a test account member"
      submitLabel="Create member"
      pendingLabel="Creating…"
      submit={(form) =>
        createElasticPathTestMember({
          connectionId,
          name: text(form, "name"),
          email: text(form, "email"),
          username: text(form, "username"),
          password: text(form, "password"),
          passwordProfileId: text(form, "passwordProfileId"),
          accountId: account === NEW_ACCOUNT ? "" : account,
          newAccountName: account === NEW_ACCOUNT ? text(form, "newAccountName") : "",
        })
      }
    >
      {(errors) => (
        <>
          <Field id="member-name" name="name" label="Name" required maxLength={255} error={errors.name?.[0]} />
          <Field id="member-email" name="email" type="email" label="Email" required maxLength={255} error={errors.email?.[0]} />
          <SelectInput id="member-profile" name="passwordProfileId" label="Password profile">
            {passwordProfiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectInput>
          <Field
            id="member-username"
            name="username"
            label="Username"
            required
            maxLength={255}
            autoComplete="off"
            error={errors.username?.[0]}
          />
          <TestPasswordField id="member-password" error={errors.password?.[0]} />
          <SelectInput id="member-account" label="Account" value={account} onChange={(e) => setAccount(e.target.value)}>
            {[...accounts, { id: NEW_ACCOUNT, name: "A new account…" }].map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </SelectInput>
          {account === NEW_ACCOUNT && (
            <Field
              id="member-new-account"
              name="newAccountName"
              label="New account name"
              required
              maxLength={255}
              error={errors.newAccountName?.[0]}
            />
          )}
        </>
      )}
    </FormDialog>
  );
}
