// How an admin (client_credentials) adds an account member with a password, as Elastic Path documents it:
// the account members API is read only; "there is a 1 to 1 correspondence between User Authentication Info and
// an Account Member, the corresponding objects have the same id" (EPDEV accounts spec, Account Members). So:
// 1. POST /v2/accounts                                     (an account, if a new one is wanted)
// 2. POST /v2/authentication-realms/{realm}/user-authentication-info            (the member: name, email)
// 3. POST …/user-authentication-info/{id}/user-authentication-password-profile-info (username, password ≥ 8)
// 4. POST /v2/accounts/{account}/account-memberships        (the member joins the account; 409 if already in)
// DELETE …/user-authentication-info/{id} undoes 2 (Storelink cleans up when 3 or 4 fails).
// (EPDEV docs/authentication/single-sign-on/user-authentication-info-api/*, …/user-authentication-password-profiles-api/*.)
import { randomUUID } from "node:crypto";
import type { SandboxContext } from "../context";
import { bodyJson, json, type Reply, type Req, type Router } from "../http";
import type { EpStore } from "../state";
import { authenticate, epError, isReply } from "./common";
import { addEpAccount } from "./shopper-store";

type Data = Record<string, unknown>;
const dataOf = (req: Req): Data | null => {
  const body = bodyJson(req) as { data?: unknown } | undefined;
  return body && typeof body.data === "object" && body.data !== null ? (body.data as Data) : null;
};
const text = (data: Data, field: string): string | null =>
  typeof data[field] === "string" && (data[field] as string).trim() ? (data[field] as string) : null;
const required = (field: string) => epError(400, "Bad Request", `Validation failed: field '${field}' is required.`);
const now = () => new Date().toISOString();

/** Runs `handle` for an admin request on the store's own realm; any other realm is a 404. */
function inRealm(ctx: SandboxContext, req: Req, handle: (store: EpStore, data: Data) => Reply): Reply {
  const a = authenticate(ctx, req, true);
  if (isReply(a)) return a;
  if (req.params.realm !== a.store.shoppers.realmId) return epError(404, "Not Found", "authentication realm not found");
  const data = dataOf(req);
  return data ? handle(a.store, data) : epError(400, "Bad Request", "The request body must be a JSON object with 'data'.");
}

export function registerElasticPathAccountAdminRoutes(router: Router, ctx: SandboxContext): void {
  const realmBase = `${ctx.urls.elasticpath}/v2/authentication-realms`;

  router.add("POST", "/v2/accounts", (req) => {
    const a = authenticate(ctx, req, true);
    if (isReply(a)) return a;
    const data = dataOf(req);
    if (!data || data.type !== "account") return epError(400, "Bad Request", "The field 'type' must be 'account'.");
    const name = text(data, "name");
    if (!name) return required("name");
    const account = addEpAccount(a.store, name, text(data, "legal_name") ?? name);
    return json(201, {
      data: {
        type: "account",
        id: account.id,
        name: account.name,
        legal_name: account.legalName,
        meta: { timestamps: { created_at: account.createdAt, updated_at: account.createdAt } },
      },
    });
  });

  router.add("DELETE", "/v2/accounts/:id", (req) => {
    const a = authenticate(ctx, req, true);
    if (isReply(a)) return a;
    const { accounts, members } = a.store.shoppers;
    const at = accounts.findIndex((x) => x.id === req.params.id);
    if (at < 0) return epError(404, "Not Found", "Account not found");
    accounts.splice(at, 1);
    for (const m of members) m.accountIds = m.accountIds.filter((id) => id !== req.params.id);
    return { status: 204, headers: {}, body: "" };
  });

  router.add("POST", "/v2/authentication-realms/:realm/user-authentication-info", (req) =>
    inRealm(ctx, req, (store, data) => {
      if (data.type !== "user_authentication_info")
        return epError(400, "Bad Request", "The field 'type' must be 'user_authentication_info'.");
      const name = text(data, "name");
      const email = text(data, "email");
      if (!name) return required("name");
      if (!email) return required("email");
      const member = { id: randomUUID(), name, email, username: null, password: null, passwordProfileId: null, accountIds: [] };
      store.shoppers.members.push(member);
      const at = now();
      return json(201, {
        data: {
          id: member.id,
          name,
          email,
          meta: { created_at: at, updated_at: at, creation_status: "COMPLETE" },
          type: "user_authentication_info",
        },
        links: { self: `${realmBase}/${store.shoppers.realmId}/user-authentication-info/${member.id}` },
      });
    }),
  );

  // Deleting the user authentication info removes the account member with it (same object, same id).
  router.add("DELETE", "/v2/authentication-realms/:realm/user-authentication-info/:id", (req) => {
    const a = authenticate(ctx, req, true);
    if (isReply(a)) return a;
    const members = a.store.shoppers.members;
    const at = members.findIndex((m) => m.id === req.params.id);
    if (req.params.realm !== a.store.shoppers.realmId || at < 0)
      return epError(404, "Not Found", "user authentication info not found");
    members.splice(at, 1);
    return { status: 204, headers: {}, body: "" };
  });

  router.add(
    "POST",
    "/v2/authentication-realms/:realm/user-authentication-info/:id/user-authentication-password-profile-info",
    (req) =>
      inRealm(ctx, req, (store, data) => {
        // The page's table spells the type with hyphens, its example with underscores: both are taken.
        if (
          data.type !== "user_authentication_password_profile_info" &&
          data.type !== "user-authentication-password-profile-info"
        )
          return epError(400, "Bad Request", "The field 'type' must be 'user_authentication_password_profile_info'.");
        const member = store.shoppers.members.find((m) => m.id === req.params.id);
        if (!member) return epError(404, "Not Found", "user authentication info not found");
        const profileId = text(data, "password_profile_id");
        const username = text(data, "username");
        const password = typeof data.password === "string" ? data.password : "";
        if (!profileId || !store.shoppers.passwordProfiles.some((p) => p.id === profileId))
          return epError(404, "Not Found", "password profile not found");
        if (!username) return required("username");
        if (password.length < 8) return epError(400, "Bad Request", "The password must be at least 8 characters.");
        // Not documented; a username must name one member of a profile for the token request to mean anything.
        if (
          store.shoppers.members.some((m) => m.id !== member.id && m.passwordProfileId === profileId && m.username === username)
        )
          return epError(409, "Conflict", "The username is already taken in this password profile.");
        Object.assign(member, { username, password, passwordProfileId: profileId });
        const at = now();
        const id = randomUUID();
        return json(201, {
          data: {
            id,
            username,
            meta: { created_at: at, updated_at: at },
            type: "user_authentication_password_profile_info",
            password_profile_id: profileId,
          },
          links: {
            self: `${realmBase}/${store.shoppers.realmId}/user-authentication-info/${member.id}/user-authentication-password-profile-info/${id}`,
          },
        });
      }),
  );

  router.add("POST", "/v2/accounts/:id/account-memberships", (req) => {
    const a = authenticate(ctx, req, true);
    if (isReply(a)) return a;
    const account = a.store.shoppers.accounts.find((x) => x.id === req.params.id);
    if (!account) return epError(404, "Not Found", "Account not found");
    const data = dataOf(req);
    if (!data || data.type !== "account_membership")
      return epError(400, "Bad Request", "The field 'type' must be 'account_membership'.");
    const member = a.store.shoppers.members.find((m) => m.id === data.account_member_id);
    if (!member) return epError(404, "Not Found", "account member not found");
    if (member.accountIds.includes(account.id))
      return epError(409, "Conflict", "The account member is already a member of this account.");
    member.accountIds.push(account.id);
    const at = now();
    return json(201, {
      data: {
        id: `${account.id}:${member.id}`,
        type: "account_membership",
        meta: { timestamps: { created_at: at, updated_at: at } },
        relationships: { account_member: { data: { type: "account_member", id: member.id } } },
      },
    });
  });
}
