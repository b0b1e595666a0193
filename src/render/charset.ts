export type Charset = "unicode" | "ascii";

/**
 * The one place that decides between drawing characters and plain ones: --ascii, then plain
 * characters unless stdout is a terminal whose locale is UTF-8 (and not TERM=dumb).
 */
export function chooseCharset(settings: { ascii: boolean; env: Readonly<Record<string, string | undefined>>; isTTY: boolean }): Charset {
  if (settings.ascii || !settings.isTTY || settings.env.TERM === "dumb") return "ascii";
  const locale = settings.env.LC_ALL || settings.env.LC_CTYPE || settings.env.LANG || "";
  return /utf-?8/i.test(locale) ? "unicode" : "ascii";
}
