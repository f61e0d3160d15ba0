// A small stand-in for Ecwid's ecwid-app.js (1.2.x API surface, platform-facts §2).
// It posts what the real SDK 1.2.5 posts (ESDK, samanthaduarte/ecwid-app-nit script.js):
//   window.parent.postMessage(JSON.stringify({ecwidAppNs, method, data}), "*")
// with `ready` → data {}, `setSize` → {height: "<N>px"} (an integer becomes a "px" string).
// Everything goes through `window.` so the script can be unit-tested in node:vm.
export const ECWID_SDK_SCRIPT = String.raw`/* EcwidApp SDK (Storelink sandbox) */
(function (window) {
  "use strict";
  var initialized = false;
  var appId = null;
  var lastHeight = null;

  function send(method, data) {
    window.parent.postMessage(JSON.stringify({ ecwidAppNs: appId, method: method, data: data }), "*");
  }

  function setSize(size) {
    if (size === null || typeof size !== "object") throw new Error("The argument is not an object");
    var h = size.height;
    if (h === parseInt(h)) h = h + "px";
    else if (typeof h !== "string") throw new Error("Missing or invalid 'height' param");
    send("setSize", { height: h });
  }

  // The legacy payload is hex of UTF-8 JSON; decode bytes, then UTF-8.
  function hex2str(hex) {
    var pct = "";
    for (var i = 0; i + 1 < hex.length; i += 2) pct += "%" + hex.substr(i, 2);
    return decodeURIComponent(pct);
  }

  function getPayload() {
    var raw = (window.location.hash || "").replace(/^#/, "");
    if (!raw) {
      var m = /[?&]devpayload=([0-9a-fA-F]+)/.exec(window.location.search || "");
      if (m) raw = m[1];
    }
    // Encrypted mode puts ?payload= in the query; the SDK never decrypts it (server's job).
    if (!raw || !/^[0-9a-fA-F]+$/.test(raw)) return undefined;
    try { return JSON.parse(hex2str(raw)); } catch (e) { return undefined; }
  }

  var EcwidApp = {
    init: function (options) {
      if (initialized) throw new Error("Already initialized");
      initialized = true;
      options = options || {};
      appId = options.app_id || null;
      if (options.autoloadedflag) {
        if (window.document.readyState === "complete") send("ready", {});
        else window.addEventListener("load", function () { send("ready", {}); });
      }
      if (options.autoheight) {
        window.setInterval(function () {
          var h = window.document.documentElement.offsetHeight;
          if (h !== lastHeight) { lastHeight = h; setSize({ height: h }); }
        }, 333);
      }
      return EcwidApp;
    },
    getPayload: getPayload,
    ready: function () { send("ready", {}); },
    setSize: setSize,
    openPage: function (page) { send("openPage", page); },
    closeAppPopup: function () { send("closeAppPopup"); },
    sendUserToUpgrade: function (features, plan, period) {
      send("upgradePlan", { features: features, plan: plan, period: period });
    }
  };
  window.EcwidApp = EcwidApp;
})(window);
`;
