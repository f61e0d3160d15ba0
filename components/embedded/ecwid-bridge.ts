"use client";

import { useEffect } from "react";

// The EcwidApp bridge without Ecwid's script: the same postMessage protocol ecwid-app.js speaks
// ({ecwidAppNs, method, data} as a JSON string), sent only to the Control Panel origin that framed us.

function parentOrigin(allowed: string[]): string | null {
  const ancestors = (window.location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins;
  const candidates = [ancestors?.[0], document.referrer ? new URL(document.referrer).origin : undefined];
  for (const c of candidates) if (c && allowed.includes(c)) return c;
  return null;
}

function send(appId: string, origin: string, method: string, data?: unknown) {
  window.parent.postMessage(JSON.stringify({ ecwidAppNs: appId, method, ...(data !== undefined ? { data } : {}) }), origin);
}

/** init (namespace = app id) → ready once rendered → setSize whenever the page's height changes. */
export function useEcwidBridge(appId: string, cpOrigins: string[]): void {
  useEffect(() => {
    if (window.parent === window) return;
    const origin = parentOrigin(cpOrigins);
    if (!origin) return;
    send(appId, origin, "ready");
    let last = -1;
    const report = () => {
      const height = Math.ceil(document.body.getBoundingClientRect().height);
      if (height !== last) {
        last = height;
        send(appId, origin, "setSize", { height });
      }
    };
    report();
    const observer = new ResizeObserver(report);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [appId, cpOrigins]);
}
