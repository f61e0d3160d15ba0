"use client";

import { useEffect } from "react";

// The EcwidApp bridge without Ecwid's script, posting exactly what ecwid-app.js posts (platform-facts §0,
// ESDK): JSON.stringify({ecwidAppNs, method, data}); `ready` carries data {}, `setSize` carries
// {height: "<N>px"} (the SDK turns an integer into a CSS length; the Control Panel applies it as one).

/**
 * The Control Panel's origin when the browser tells us (ancestorOrigins: not in Firefox; the referrer:
 * subject to the Control Panel's referrer policy). A known origin that is not an allowed Control Panel
 * gets nothing; an unknown one gets "*", as the SDK always sends: ready and setSize carry nothing secret,
 * and the page's CSP frame-ancestors already limits who can frame it.
 */
function targetOrigin(allowed: string[]): string | null {
  const ancestors = (window.location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins;
  const referrer = (() => {
    try {
      return document.referrer ? new URL(document.referrer).origin : undefined;
    } catch {
      return undefined;
    }
  })();
  // The spec masks an ancestor as "null" under a no-referrer policy; an empty list says nothing either.
  const first = ancestors && ancestors.length > 0 ? ancestors.item(0) : null;
  const ancestor = first && first !== "null" ? first : undefined;
  const known = ancestor ?? referrer;
  if (!known) return "*";
  return allowed.includes(known) ? known : null;
}

function send(appId: string, origin: string, method: string, data: unknown) {
  window.parent.postMessage(JSON.stringify({ ecwidAppNs: appId, method, data }), origin);
}

/** init (namespace = app id) → ready once rendered → setSize whenever the page's height changes. */
export function useEcwidBridge(appId: string, cpOrigins: string[]): void {
  useEffect(() => {
    if (window.parent === window) return;
    const origin = targetOrigin(cpOrigins);
    if (!origin) return;
    send(appId, origin, "ready", {});
    let last = -1;
    const report = () => {
      const height = Math.ceil(document.body.getBoundingClientRect().height);
      if (height !== last) {
        last = height;
        send(appId, origin, "setSize", { height: `${height}px` });
      }
    };
    report();
    const observer = new ResizeObserver(report);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [appId, cpOrigins]);
}

/** Asks the Control Panel to open one of its pages (a CP hash such as "order:id=FJ45D&return=orders"), as EcwidApp.openPage does. */
export function openControlPanelPage(appId: string, cpOrigins: string[], page: string): void {
  if (window.parent === window) return;
  const origin = targetOrigin(cpOrigins);
  if (origin) send(appId, origin, "openPage", page);
}
