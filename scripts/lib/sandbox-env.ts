// Environment that points Storelink at the platform sandboxes (e2e/simulators) on a base port.
// The sandbox's listeners: control base+0, Ecwid "my" +1, Ecwid API +2, Elastic Path +3, OAuth2 +4, and the
// example integrators (e2e/simulators/integrator) on +5 to +9 (one per parallel test).
export const SANDBOX_ECWID_CLIENT_ID = "storelink-sandbox";
export const SANDBOX_ECWID_CLIENT_SECRET = "sandbox-client-secret-0123456789abcdef";
export const SANDBOX_OAUTH2_CLIENT_ID = "oauth2-sandbox";
export const SANDBOX_OAUTH2_CLIENT_SECRET = "oauth2-sandbox-secret";

/** The sandbox's listeners on one host: control at basePort, the platforms on the next four ports. */
export function sandboxUrls(basePort: number, host = "127.0.0.1") {
  const url = (offset: number) => `http://${host}:${basePort + offset}`;
  return { control: url(0), ecwidMy: url(1), ecwidApi: url(2), elasticpath: url(3), oauth2: url(4), integrator: url(5) };
}

export function sandboxAppEnv(basePort: number): Record<string, string> {
  const urls = sandboxUrls(basePort);
  return {
    ECWID_CLIENT_ID: SANDBOX_ECWID_CLIENT_ID,
    ECWID_CLIENT_SECRET: SANDBOX_ECWID_CLIENT_SECRET,
    ECWID_OAUTH_BASE_URL: urls.ecwidMy,
    ECWID_API_BASE_URL: urls.ecwidApi,
    ECWID_CP_ORIGINS: urls.ecwidMy,
    ELASTICPATH_BASE_URLS: `sandbox=${urls.elasticpath}`,
    OAUTH2_PROVIDER_URL: urls.oauth2,
    OAUTH2_CLIENT_ID: SANDBOX_OAUTH2_CLIENT_ID,
    OAUTH2_CLIENT_SECRET: SANDBOX_OAUTH2_CLIENT_SECRET,
    // The sandboxes listen on 127.0.0.1 over http: let an admin name them as custom platform URLs too, and the
    // example integrator as an app's return URL and webhook endpoint.
    STORELINK_ALLOW_PRIVATE_HOSTS: [urls.ecwidMy, urls.ecwidApi, urls.elasticpath, urls.oauth2, ...integratorUrls(basePort)]
      .map((u) => new URL(u).host)
      .join(","),
  };
}

/** The ports example integrators may listen on (allow-listed as return URLs and webhook endpoints). */
export const integratorUrls = (basePort: number, host = "127.0.0.1") =>
  [5, 6, 7, 8, 9].map((offset) => `http://${host}:${basePort + offset}`);
