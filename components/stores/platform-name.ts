export const platformName = { ECWID: "Ecwid", ELASTICPATH: "Elastic Path", OAUTH2: "OAuth2 (generic)" } as const;
