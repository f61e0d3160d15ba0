import "server-only";
import { PlatformError } from "@/lib/platforms/types";
import {
  createAccount,
  createAccountMembership,
  createCustomer,
  createPasswordProfileInfo,
  createUserAuthenticationInfo,
  deleteUserAuthenticationInfo,
  getAccountAuthSettings,
  listAccountMembers,
  listAccountMemberships,
  listAccounts,
  listCustomers,
  listPasswordProfiles,
  type EpAuth,
} from "@/lib/platforms/elasticpath/api";
import {
  reshapeAccount,
  reshapeCustomer,
  reshapeMember,
  reshapePasswordProfile,
  type PasswordProfile,
  type ShopperAccount,
  type ShopperCustomer,
  type ShopperMember,
} from "@/lib/platforms/elasticpath/reshape-shoppers";
import { explainElasticPathError } from "./explain";
import { withElasticPath } from "./session";

// The shoppers of a store, read with Storelink's server-held client_credentials token (never the browser's).

export type ShopperDirectory = {
  customers: ShopperCustomer[];
  accounts: ShopperAccount[];
  members: ShopperMember[];
  realmId: string | null;
  passwordProfiles: PasswordProfile[];
};
type Loaded<T> = { ok: true; value: T } | { ok: false; error: string };

async function profilesOf(auth: EpAuth): Promise<{ realmId: string | null; passwordProfiles: PasswordProfile[] }> {
  const settings = await getAccountAuthSettings(auth);
  const realmId = settings.data.relationships?.authentication_realm?.data?.id ?? null;
  if (!realmId) return { realmId, passwordProfiles: [] };
  return { realmId, passwordProfiles: (await listPasswordProfiles(auth, realmId)).data.map(reshapePasswordProfile) };
}

async function explained<T>(doing: string, work: () => Promise<T>): Promise<Loaded<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof PlatformError) return { ok: false, error: explainElasticPathError(error, doing) };
    throw error;
  }
}

/** Customers, accounts, account members and the password profiles of the account authentication realm. */
export function loadShopperDirectory(connectionId: string): Promise<Loaded<ShopperDirectory>> {
  return explained("read the store's shoppers", () =>
    withElasticPath(connectionId, async (auth) => {
      const [customers, accounts, members, profiles] = await Promise.all([
        listCustomers(auth),
        listAccounts(auth),
        listAccountMembers(auth),
        profilesOf(auth),
      ]);
      // One memberships call per account (Elastic Path has no bulk read); the page lists at most 100 accounts.
      const withMembers = await Promise.all(
        accounts.data.map(async (a) => reshapeAccount(a, await listAccountMemberships(auth, a.id))),
      );
      return {
        customers: customers.data.map(reshapeCustomer),
        accounts: withMembers,
        members: members.data.map(reshapeMember),
        ...profiles,
      };
    }),
  );
}

/** The password profiles only (id + name are not secret): the preview's member sign-in needs a profile id. */
export function loadPasswordProfiles(connectionId: string): Promise<Loaded<PasswordProfile[]>> {
  return explained("read the password profiles", () =>
    withElasticPath(connectionId, async (auth) => (await profilesOf(auth)).passwordProfiles),
  );
}

/** A test customer with a password; "conflict" when Elastic Path already has that email. */
export async function createTestCustomer(
  connectionId: string,
  input: { name: string; email: string; password: string },
): Promise<ShopperCustomer | "conflict"> {
  try {
    return reshapeCustomer((await withElasticPath(connectionId, (auth) => createCustomer(auth, input))).data);
  } catch (error) {
    if (error instanceof PlatformError && error.kind === "conflict") return "conflict";
    throw error;
  }
}

export type NewAccountMember = {
  name: string;
  email: string;
  username: string;
  password: string;
  passwordProfileId: string;
  /** An existing account's id, or the name of a new account. */
  account: { id: string } | { newName: string };
};

/**
 * A test account member who signs in through a password profile, in one account. Elastic Path takes four
 * calls; when the password or the membership is refused, the half-made member is deleted again so a retry
 * starts clean. "conflict" when the username is taken in that profile.
 */
export async function createTestAccountMember(
  connectionId: string,
  input: NewAccountMember,
): Promise<{ memberId: string; accountId: string; accountName: string } | "conflict" | "no-realm"> {
  try {
    return await withElasticPath(connectionId, async (auth) => {
      const { realmId } = await profilesOf(auth);
      if (!realmId) return "no-realm" as const;
      const member = (await createUserAuthenticationInfo(auth, realmId, { name: input.name, email: input.email })).data;
      try {
        await createPasswordProfileInfo(auth, realmId, member.id, input);
        const account =
          "id" in input.account ? { id: input.account.id, name: null } : (await createAccount(auth, input.account.newName)).data;
        await createAccountMembership(auth, account.id, member.id);
        return { memberId: member.id, accountId: account.id, accountName: account.name ?? "" };
      } catch (error) {
        await deleteUserAuthenticationInfo(auth, realmId, member.id).catch(() => undefined);
        throw error;
      }
    });
  } catch (error) {
    if (error instanceof PlatformError && error.kind === "conflict") return "conflict";
    throw error;
  }
}
