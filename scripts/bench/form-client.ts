/**
 * A minimal browser for load tests: keeps cookies, and submits the app's forms the way
 * a browser without JavaScript does (server actions accept a plain multipart post).
 */
export class FormClient {
  private cookies = new Map<string, string>();

  constructor(
    private readonly base: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  async get(path: string): Promise<{ status: number; body: string; url: string }> {
    return this.request(path, { method: "GET" });
  }

  async download(path: string): Promise<{ status: number; bytes: number }> {
    const response = await fetch(this.base + path, { headers: this.requestHeaders(), redirect: "manual" });
    this.keepCookies(response);
    let bytes = 0;
    for await (const chunk of (response.body ?? []) as unknown as AsyncIterable<Uint8Array>) bytes += chunk.byteLength;
    return { status: response.status, bytes };
  }

  /**
   * Fills the first form that has all `fields`, keeping its hidden inputs, and submits it.
   * The form is looked up on `page` (a previous answer) or, without it, on a fresh GET of path.
   */
  async submit(path: string, fields: Record<string, string>, page?: { body: string; url: string }): Promise<{ status: number; body: string; url: string }> {
    page ??= await this.get(path);
    const form = findForm(page.body, Object.keys(fields));
    if (!form) throw new Error(`no form with ${Object.keys(fields).join(", ")} on ${path}`);
    const data = new FormData();
    for (const [name, value] of Object.entries({ ...form.hidden, ...fields })) data.append(name, value);
    return this.request(form.action || new URL(page.url).pathname, { method: "POST", body: data });
  }

  private async request(path: string, init: { method: string; body?: FormData }, redirects = 5): Promise<{ status: number; body: string; url: string }> {
    const url = new URL(path, this.base).toString();
    const response = await fetch(url, { ...init, headers: { ...this.requestHeaders(), origin: this.base }, redirect: "manual" });
    this.keepCookies(response);
    const location = response.headers.get("location");
    if (location && response.status >= 300 && response.status < 400 && redirects > 0) {
      await response.body?.cancel();
      return this.request(location, { method: "GET" }, redirects - 1);
    }
    return { status: response.status, body: await response.text(), url };
  }

  private requestHeaders(): Record<string, string> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    return { ...this.headers, ...(cookie ? { cookie } : {}) };
  }

  private keepCookies(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((a) => /max-age=0|expires=thu, 01 jan 1970/i.test(a.trim())) || value === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

function decode(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

export function findForm(html: string, fieldNames: string[]): { action: string | null; hidden: Record<string, string> } | null {
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const [, attributes, inner] = match;
    const names = [...inner.matchAll(/\bname="([^"]+)"/g)].map((m) => decode(m[1]));
    if (!fieldNames.every((name) => names.includes(name))) continue;
    // What a browser would send unchanged: every input's current value, the text of each
    // textarea and the selected option of each select.
    const hidden: Record<string, string> = {};
    for (const input of inner.matchAll(/<input\b[^>]*>/g)) {
      const name = /\bname="([^"]*)"/.exec(input[0])?.[1];
      const type = /\btype="([^"]*)"/.exec(input[0])?.[1] ?? "text";
      if (!name || type === "submit" || ((type === "checkbox" || type === "radio") && !/\bchecked=""/.test(input[0]))) continue;
      hidden[decode(name)] = decode(/\bvalue="([^"]*)"/.exec(input[0])?.[1] ?? (type === "checkbox" ? "on" : ""));
    }
    for (const area of inner.matchAll(/<textarea\b[^>]*\bname="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g)) hidden[decode(area[1])] = decode(area[2]);
    for (const select of inner.matchAll(/<select\b[^>]*\bname="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
      const chosen = /<option[^>]*\bselected=""[^>]*\bvalue="([^"]*)"|<option[^>]*\bvalue="([^"]*)"[^>]*\bselected=""/.exec(select[2]);
      const first = /<option[^>]*\bvalue="([^"]*)"/.exec(select[2]);
      hidden[decode(select[1])] = decode(chosen?.[1] ?? chosen?.[2] ?? first?.[1] ?? "");
    }
    const action = /\baction="([^"]+)"/.exec(attributes)?.[1];
    return { action: action ? decode(action) : null, hidden };
  }
  return null;
}
