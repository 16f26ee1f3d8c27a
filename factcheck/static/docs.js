// Starts Swagger UI on /docs from the vendored bundle (the CSP forbids inline script).
(function () {
  "use strict";
  const root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: root.dataset.spec,
    dom_id: "#swagger-ui",
    deepLinking: true,
    // The spec is ours; there is no validator to ask (that would be a call to a third party).
    validatorUrl: null,
    persistAuthorization: false,
  });
})();
