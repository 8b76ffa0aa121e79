/** The hidden form field every console form carries its cross-site request token in. */
export const CSRF_FIELD = "csrf";
