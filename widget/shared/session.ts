/**
 * What the widget may read from a session token without verifying it: the customer it names, only to keep each
 * customer's thread id apart in localStorage. The server verifies the token; nothing here is trusted for access.
 */
export function tokenCustomer(token: string | null | undefined): string | null {
  const payload = token?.split(".")[1];
  if (!payload) return null;
  try {
    const json = JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/"))) as { customer_id?: unknown };
    return typeof json.customer_id === "string" ? json.customer_id : null;
  } catch {
    return null;
  }
}

/** localStorage that never throws (private mode, disabled storage, sandboxed iframes). */
export const store = {
  get(key: string): string | null {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set(key: string, value: string | null): void {
    try {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
    } catch {
      // Not persisted: the conversation then lasts as long as the page.
    }
  },
};
