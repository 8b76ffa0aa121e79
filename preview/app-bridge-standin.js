// Local stand-in for Shopify's App Bridge script, served only by the offline preview.
// It does what the embedded page needs from the real one: session tokens on same-origin
// requests, the bounce back with a fresh token, toasts, the title bar and the app's nav menu.
(function () {
  "use strict";
  var params = new URLSearchParams(location.search);
  var remembered = JSON.parse(sessionStorage.getItem("preview-admin") || "{}");
  var context = {
    shop: params.get("shop") || remembered.shop,
    host: params.get("host") || remembered.host,
    locale: params.get("locale") || remembered.locale || "en",
  };
  sessionStorage.setItem("preview-admin", JSON.stringify(context));
  var script = document.currentScript;
  var nativeFetch = window.fetch.bind(window);
  var cached = null;

  function idToken() {
    if (cached && cached.expiresAt - Date.now() > 10000) return Promise.resolve(cached.token);
    return nativeFetch("/preview/session-token?shop=" + encodeURIComponent(context.shop || ""))
      .then(function (response) {
        if (!response.ok) throw new Error("The preview could not mint a session token");
        return response.json();
      })
      .then(function (body) {
        cached = { token: body.token, expiresAt: body.expiresAt };
        return body.token;
      });
  }

  window.fetch = function (input, init) {
    var request = new Request(input, init);
    if (
      new URL(request.url, location.href).origin !== location.origin ||
      request.headers.has("Authorization")
    ) {
      return nativeFetch(request);
    }
    return idToken()
      .then(function (token) {
        var headers = new Headers(request.headers);
        headers.set("Authorization", "Bearer " + token);
        return nativeFetch(new Request(request, { headers: headers }));
      })
      .then(function (response) {
        // App Bridge takes the admin to Shopify's grant page when the app asks for more scopes.
        var reauthorize = response.headers.get("X-Shopify-API-Request-Failure-Reauthorize-Url");
        if (response.status === 401 && reauthorize) {
          var search = new URL(reauthorize).searchParams;
          search.set("shop", context.shop || "");
          location.assign("/preview/admin/oauth/install?" + search.toString());
        }
        return response;
      });
  };

  // The admin chrome is drawn in shadow roots: React hydrates the light DOM and must find it untouched.
  var BAR_STYLE =
    "display:flex;gap:16px;align-items:center;padding:8px 16px;background:#1a1a1a;color:#fff;" +
    "font:14px/20px system-ui,sans-serif";

  function toast(message, options) {
    var node = document.createElement("div");
    node.setAttribute("role", "status");
    node.textContent = message;
    node.style.cssText =
      "position:fixed;bottom:24px;left:50%;transform:translateX(-50%);z-index:600;padding:12px 16px;" +
      "border-radius:8px;font:14px system-ui,sans-serif;color:#fff;background:" +
      (options && options.isError ? "#8e1f0b" : "#303030");
    document.body.appendChild(node);
    setTimeout(
      function () {
        node.remove();
      },
      (options && options.duration) || 5000,
    );
    return String(Date.now());
  }

  window.shopify = {
    config: {
      apiKey: script && script.dataset.apiKey,
      shop: context.shop,
      host: context.host,
      locale: context.locale,
    },
    idToken: idToken,
    toast: { show: toast, hide: function () {} },
    loading: function () {},
    environment: { embedded: true, mobile: false, pos: false },
  };

  customElements.define(
    "ui-title-bar",
    class extends HTMLElement {
      static get observedAttributes() {
        return ["title"];
      }
      connectedCallback() {
        if (this.shadowRoot) return;
        var root = this.attachShadow({ mode: "open" });
        this.heading = document.createElement("strong");
        this.heading.setAttribute("role", "banner");
        var bar = document.createElement("div");
        bar.style.cssText = BAR_STYLE + ";background:#303030";
        bar.appendChild(this.heading);
        root.appendChild(bar);
        this.attributeChangedCallback();
      }
      attributeChangedCallback() {
        if (this.heading) this.heading.textContent = this.getAttribute("title") || "";
      }
    },
  );

  customElements.define(
    "ui-nav-menu",
    class extends HTMLElement {
      connectedCallback() {
        if (this.shadowRoot) return;
        var root = this.attachShadow({ mode: "open" });
        this.nav = document.createElement("nav");
        this.nav.setAttribute("aria-label", "App navigation");
        this.nav.style.cssText = BAR_STYLE;
        root.appendChild(this.nav);
        this.render();
        new MutationObserver(this.render.bind(this)).observe(this, {
          childList: true,
          subtree: true,
          characterData: true,
        });
      }
      render() {
        // The admin lists the home entry first, whatever its place in the markup.
        var anchors = Array.from(this.querySelectorAll("a")).sort(function (a, b) {
          return (b.getAttribute("rel") === "home") - (a.getAttribute("rel") === "home");
        });
        this.nav.replaceChildren.apply(this.nav, anchors.map(navItem));
      }
    },
  );

  function navItem(anchor) {
    var item = document.createElement("a");
    item.href = anchor.getAttribute("href");
    item.textContent = anchor.textContent;
    item.style.color = "#fff";
    item.addEventListener("click", function (event) {
      event.preventDefault();
      anchor.dispatchEvent(new CustomEvent("shopify:navigate", { bubbles: true }));
    });
    return item;
  }

  // App Bridge opens `shopify:admin/...` links in the admin; the preview shows that admin page.
  document.addEventListener(
    "click",
    function (event) {
      var anchor = event.target instanceof Element ? event.target.closest("a[href^='shopify:admin/']") : null;
      if (!anchor) return;
      event.preventDefault();
      event.stopPropagation();
      var page = anchor.getAttribute("href").slice("shopify:admin/".length);
      location.assign("/preview/admin/" + page + "?shop=" + encodeURIComponent(context.shop || ""));
    },
    true,
  );

  // Shopify's bounce page asks App Bridge for a fresh token and reloads the app with it.
  var reload = params.get("shopify-reload");
  if (reload) {
    idToken().then(function (token) {
      var target = new URL(reload, location.origin);
      if (target.origin !== location.origin) return;
      target.searchParams.set("id_token", token);
      location.replace(target.toString());
    });
  }
})();
