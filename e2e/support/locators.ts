import type { Page } from "@playwright/test";

/** Storelink's own alerts (Next's route announcer also has role="alert", always present and empty). */
export const appAlert = (page: Page) => page.locator('[role="alert"]:not(#__next-route-announcer__)');
